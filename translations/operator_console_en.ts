<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
English plural forms of the console's counted messages ("%n case(s)" reads "1 case", "2 cases").
Compiled into operator_console/ui/catalogs when the package is built (setup.py);
tests/ui/test_plural_forms.py checks that every counted message of the sources is here.
-->
<TS version="2.1" language="en">
<context>
    <name>CaseDetailPanel</name>
    <message numerus="yes">
        <source>%1 is closed as a duplicate of %2; %n caller(s) moved there.</source>
        <translation>
            <numerusform>%1 is closed as a duplicate of %2; %n caller moved there.</numerusform>
            <numerusform>%1 is closed as a duplicate of %2; %n callers moved there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message numerus="yes">
        <source>%Ln open case(s) will be due later. Press Declare closed to confirm.</source>
        <translation>
            <numerusform>%Ln open case will be due later. Press Declare closed to confirm.</numerusform>
            <numerusform>%Ln open cases will be due later. Press Declare closed to confirm.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardFilterBar</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message numerus="yes">
        <source>%n call(s) kept on this computer: the database does not answer. They are sent as soon as it does.</source>
        <translation>
            <numerusform>%n call kept on this computer: the database does not answer. It is sent as soon as it does.</numerusform>
            <numerusform>%n calls kept on this computer: the database does not answer. They are sent as soon as it does.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkDuplicateDialog</name>
    <message numerus="yes">
        <source>%n case(s) of the same kind within 1,000 m, likeliest first</source>
        <translation>
            <numerusform>%n case of the same kind within 1,000 m</numerusform>
            <numerusform>%n cases of the same kind within 1,000 m, likeliest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message numerus="yes">
        <source>%Ln case(s) match</source>
        <translation>
            <numerusform>%Ln case matches</numerusform>
            <numerusform>%Ln cases match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln queue(s)</source>
        <translation>
            <numerusform>in %Ln queue</numerusform>
            <numerusform>in %Ln queues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message numerus="yes">
        <source>It has %Ln open case(s): they stay in it and can still be worked and moved. It is no longer offered for new work; you can reactivate it.</source>
        <translation>
            <numerusform>It has %Ln open case: it stays in it and can still be worked and moved. It is no longer offered for new work; you can reactivate it.</numerusform>
            <numerusform>It has %Ln open cases: they stay in it and can still be worked and moved. It is no longer offered for new work; you can reactivate it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message numerus="yes">
        <source>Reassign %n case(s)</source>
        <translation>
            <numerusform>Reassign %n case</numerusform>
            <numerusform>Reassign %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln open</numerusform>
            <numerusform>%Ln open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message numerus="yes">
        <source>%Ln rule(s)</source>
        <translation>
            <numerusform>%Ln rule</numerusform>
            <numerusform>%Ln rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TriagePanel</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) reassigned</source>
        <translation>
            <numerusform>%Ln case reassigned</numerusform>
            <numerusform>%Ln cases reassigned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln queue(s)</source>
        <translation>
            <numerusform>%Ln queue</numerusform>
            <numerusform>%Ln queues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln department(s)</source>
        <translation>
            <numerusform>%Ln department</numerusform>
            <numerusform>%Ln departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected case(s) not changed, still selected:</source>
        <translation>
            <numerusform>%Ln selected case not changed, still selected:</numerusform>
            <numerusform>%Ln selected cases not changed, still selected:</numerusform>
        </translation>
    </message>
</context>
</TS>
