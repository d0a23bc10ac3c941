<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AddQueueDialog</name>
    <message>
        <source>Add a team or crew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team or crew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Works for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue it works for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As staff see it: Street signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short and unique: PWD_SIGNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jsmith: lower-case letters, digits, _ . -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As colleagues read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: signs in another way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queues:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdministrationPanel</name>
    <message>
        <source>Administration sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next administration section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous administration section</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>no department</source>
        <translation>sin departamento</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>No open alert: nothing crossed its at-risk or due time.</source>
        <translation>No hay alertas abiertas: ningún caso llegó a su hora de riesgo ni a su vencimiento.</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>Con&amp;firmar</translation>
    </message>
    <message>
        <source>Acknowledge the chosen alert (Enter)</source>
        <translation>Confirmar la alerta elegida (Intro)</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Abrir caso</translation>
    </message>
    <message>
        <source>The newest %1 of %2 open alerts.</source>
        <translation>Las %1 más recientes de %2 alertas abiertas.</translation>
    </message>
    <message>
        <source>The alerts cannot be read: %1</source>
        <translation>No se pueden leer las alertas: %1</translation>
    </message>
    <message>
        <source>The alert was not acknowledged: %1</source>
        <translation>La alerta no se confirmó: %1</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Calendar %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. America/New_York</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. US; empty: no public holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. MA; optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opens at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Closes at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working &amp;days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public holidays of (&amp;country):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country whose public holidays the calendar keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and (&amp;state):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State or province whose public holidays the calendar keeps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to cases opened from now on; open cases keep their due dates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallerFillOffer</name>
    <message>
        <source>Fill in the caller&apos;s name and e-mail</source>
        <translation>Completar el nombre y el correo de la persona que llama</translation>
    </message>
    <message>
        <source>Only empty fields are filled in; nothing typed changes.</source>
        <translation>Solo se completan los campos vacíos; no cambia nada de lo escrito.</translation>
    </message>
    <message>
        <source>This number was given before by %1.</source>
        <translation>Este número ya lo dio antes %1.</translation>
    </message>
    <message>
        <source>Fill in name and e-mail (%1)</source>
        <translation>Completar nombre y correo (%1)</translation>
    </message>
    <message>
        <source>Fill in name (%1)</source>
        <translation>Completar nombre (%1)</translation>
    </message>
    <message>
        <source>Fill in e-mail (%1)</source>
        <translation>Completar correo (%1)</translation>
    </message>
    <message>
        <source>Fill in how they hear back (%1)</source>
        <translation>Completar cómo recibe los avisos (%1)</translation>
    </message>
</context>
<context>
    <name>CandidateCard</name>
    <message>
        <source>same address</source>
        <translation>misma dirección</translation>
    </message>
    <message>
        <source>same category</source>
        <translation>misma categoría</translation>
    </message>
    <message>
        <source>related category</source>
        <translation>categoría relacionada</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>opened %1 ago</source>
        <translation>abierta hace %1</translation>
    </message>
    <message>
        <source>closed %1 ago</source>
        <translation>cerrada hace %1</translation>
    </message>
    <message>
        <source>%1 away</source>
        <translation>a %1</translation>
    </message>
    <message>
        <source>Likely the same problem</source>
        <translation>Probablemente el mismo problema</translation>
    </message>
    <message>
        <source>Could well be the same problem</source>
        <translation>Bien podría ser el mismo problema</translation>
    </message>
    <message>
        <source>Possibly the same problem</source>
        <translation>Posiblemente el mismo problema</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Add the caller unless they describe something else.</source>
        <translation>Agregue a la persona que llama, salvo que describa otra cosa.</translation>
    </message>
    <message>
        <source>Ask the caller whether it is the same problem; if it is, add them.</source>
        <translation>Pregúntele a la persona si es el mismo problema; si lo es, agréguela.</translation>
    </message>
    <message>
        <source>If the problem is back, make a new request.</source>
        <translation>Si el problema volvió, cree una solicitud nueva.</translation>
    </message>
    <message>
        <source>Ask the caller whether this is what they see.</source>
        <translation>Pregúntele a la persona si esto es lo que ve.</translation>
    </message>
    <message>
        <source>under 1%</source>
        <translation>menos del 1%</translation>
    </message>
    <message>
        <source>Its score is %1 because the city closed %2 of %3 reports as duplicates; that alone does not make this a different problem.</source>
        <translation>Su puntaje es %1 porque la ciudad cerró como duplicados el %2 de los reportes de %3; eso solo no lo convierte en un problema distinto.</translation>
    </message>
    <message>
        <source>1 caller</source>
        <translation>1 persona</translation>
    </message>
    <message>
        <source>%1 callers</source>
        <translation>%1 personas</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>sin dirección</translation>
    </message>
    <message>
        <source>Alt+%1 chooses this one</source>
        <translation>Alt+%1 elige esta</translation>
    </message>
    <message>
        <source>Add caller…</source>
        <translation>Agregar persona…</translation>
    </message>
    <message>
        <source>Add this caller to %1 (no new request); you are asked first. Keys: Alt+%2, then Ctrl+Shift+A</source>
        <translation>Agregar a esta persona a %1 (sin solicitud nueva); antes se le pregunta. Teclas: Alt+%2 y luego Ctrl+Mayús+A</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(sin descripción)</translation>
    </message>
    <message>
        <source>%1 — score %2: how often the city closed reports like this as duplicates</source>
        <translation>%1 — puntaje %2: con qué frecuencia la ciudad cerró reportes como este por duplicados</translation>
    </message>
</context>
<context>
    <name>CandidateList</name>
    <message>
        <source>Opened %1 (%2 ago) · %3 · %4 from the pin</source>
        <translation>Abierta el %1 (hace %2) · %3 · a %4 del marcador</translation>
    </message>
    <message>
        <source>Score %1: how often the city closed reports like this as duplicates.</source>
        <translation>Puntaje %1: con qué frecuencia la ciudad cerró reportes como este por duplicados.</translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <source>Already reported?</source>
        <translation>¿Ya fue reportado?</translation>
    </message>
    <message>
        <source>Look at candidate %1</source>
        <translation>Ver el candidato %1</translation>
    </message>
    <message>
        <source>Add the caller to the candidate looked at (no new request)</source>
        <translation>Agregar a la persona que llama al candidato que está viendo (sin crear una solicitud nueva)</translation>
    </message>
    <message>
        <source>Choose a category and place the pin to see requests nearby.</source>
        <translation>Elija una categoría y coloque el marcador para ver solicitudes cercanas.</translation>
    </message>
    <message>
        <source>Looking for requests nearby…</source>
        <translation>Buscando solicitudes cercanas…</translation>
    </message>
    <message>
        <source>Could not look for requests nearby: %1</source>
        <translation>No se pudieron buscar solicitudes cercanas: %1</translation>
    </message>
    <message>
        <source>No request like this nearby.</source>
        <translation>No hay ninguna solicitud parecida cerca.</translation>
    </message>
    <message>
        <source>Alt+1 to look</source>
        <translation>Alt+1 para ver</translation>
    </message>
    <message>
        <source>Alt+1…Alt+%1 to look</source>
        <translation>Alt+1…Alt+%1 para ver</translation>
    </message>
    <message>
        <source>%1 nearby, %2 likely the same: %3.</source>
        <translation>%1 cerca, %2 probablemente iguales: %3.</translation>
    </message>
    <message>
        <source>%1 nearby, %2 at the same address and still open: %3.</source>
        <translation>%1 cerca, %2 en la misma dirección y todavía abiertas: %3.</translation>
    </message>
    <message>
        <source>%1 nearby: %2.</source>
        <translation>%1 cerca: %2.</translation>
    </message>
    <message>
        <source>Choose a candidate first: Alt+1…Alt+5.</source>
        <translation>Primero elija un candidato: Alt+1…Alt+5.</translation>
    </message>
    <message>
        <source>Add the caller?</source>
        <translation>¿Agregar a la persona que llama?</translation>
    </message>
    <message>
        <source>Add this caller to %1?</source>
        <translation>¿Agregar a esta persona a %1?</translation>
    </message>
    <message>
        <source>%1 at %2. No new request is made: the caller follows this one.</source>
        <translation>%1 en %2. No se crea una solicitud nueva: la persona que llama sigue esta.</translation>
    </message>
    <message>
        <source>the pin</source>
        <translation>el marcador</translation>
    </message>
    <message>
        <source>Add caller</source>
        <translation>Agregar persona</translation>
    </message>
    <message>
        <source>Adding the caller to %1…</source>
        <translation>Agregando a la persona que llama a %1…</translation>
    </message>
    <message>
        <source>Caller added to %1 (%2 callers now). No new request was made.</source>
        <translation>Persona agregada a %1 (ahora %2 personas). No se creó una solicitud nueva.</translation>
    </message>
    <message>
        <source>%1 changed since it was shown (%2). Look at it again.</source>
        <translation>%1 cambió desde que se mostró (%2). Revíselo de nuevo.</translation>
    </message>
    <message>
        <source>The caller was not added to %1: %2</source>
        <translation>La persona que llama no se agregó a %1: %2</translation>
    </message>
    <message>
        <source>Could not note on the likely duplicates that this call is new: %1</source>
        <translation>No se pudo anotar en los posibles duplicados que esta llamada es nueva: %1</translation>
    </message>
</context>
<context>
    <name>CaseActionRunner</name>
    <message>
        <source>The action could not be completed (%1); nothing was saved.</source>
        <translation>No se pudo completar la acción (%1); no se guardó nada.</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Fixed</source>
        <translation>Reparado</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>Not the city&apos;s responsibility</source>
        <translation>No es responsabilidad de la ciudad</translation>
    </message>
    <message>
        <source>No further action</source>
        <translation>Sin más acciones</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>Remitido a otra entidad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
</context>
<context>
    <name>CaseActionsBar</name>
    <message>
        <source>Reassign…</source>
        <translation>Reasignar…</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Escalar…</translation>
    </message>
    <message>
        <source>Start work (on site)</source>
        <translation>Iniciar trabajo (en el lugar)</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reabrir…</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Pasar a</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Enrutado</translation>
    </message>
    <message>
        <source>Back to the queue (unassigned)</source>
        <translation>De vuelta a la cola (sin asignar)</translation>
    </message>
    <message>
        <source>Assigned (not started)</source>
        <translation>Asignado (sin iniciar)</translation>
    </message>
    <message>
        <source>Re-route…</source>
        <translation>Reenrutar…</translation>
    </message>
    <message>
        <source>Correct the category or address and route again</source>
        <translation>Corregir la categoría o la dirección y enrutar de nuevo</translation>
    </message>
    <message>
        <source>Mark as duplicate…</source>
        <translation>Marcar como duplicado…</translation>
    </message>
    <message>
        <source>Raise the priority to %1</source>
        <translation>Subir la prioridad a %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Prioridad: %1</translation>
    </message>
</context>
<context>
    <name>CaseBanner</name>
    <message>
        <source>Retry on the current case</source>
        <translation>Reintentar en el caso actual</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Aplicación</translation>
    </message>
    <message>
        <source>Open311</source>
        <translation>Open311</translation>
    </message>
    <message>
        <source>Self service</source>
        <translation>Autoservicio</translation>
    </message>
    <message>
        <source>City staff</source>
        <translation>Personal de la ciudad</translation>
    </message>
    <message>
        <source>Another system</source>
        <translation>Otro sistema</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Sin fecha límite</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Vence %1</translation>
    </message>
    <message>
        <source>Resolved on time</source>
        <translation>Resuelto a tiempo</translation>
    </message>
    <message>
        <source>Resolved late</source>
        <translation>Resuelto con retraso</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Status calls</source>
        <translation>Llamadas de seguimiento</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Enrutado</translation>
    </message>
    <message>
        <source>First action</source>
        <translation>Primera acción</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Enrutamiento</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Quien reportó</translation>
    </message>
    <message>
        <source>Follower</source>
        <translation>Seguidor</translation>
    </message>
    <message>
        <source>Callers (%1)</source>
        <translation>Personas que llamaron (%1)</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>Duplicado de</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>Linked cases</source>
        <translation>Casos vinculados</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Pública</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interna</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>Todavía no hay historial.</translation>
    </message>
</context>
<context>
    <name>CaseDetailPanel</name>
    <message>
        <source>No case open</source>
        <translation>Ningún caso abierto</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Detalles del caso</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Historial del caso</translation>
    </message>
    <message>
        <source>Add a note to this case&apos;s history…</source>
        <translation>Agregue una nota al historial de este caso…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Residents can see it (public)</source>
        <translation>Los residentes pueden verla (pública)</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <source>Status call</source>
        <translation>Llamada de seguimiento</translation>
    </message>
    <message>
        <source>A resident asks about this case: what to tell them (%1)</source>
        <translation>Un residente pregunta por este caso: qué decirle (%1)</translation>
    </message>
    <message>
        <source>Start a status call</source>
        <translation>Iniciar una llamada de seguimiento</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Start a status call: what to tell a resident about this case</source>
        <translation>Iniciar una llamada de seguimiento: qué decirle a un residente sobre este caso</translation>
    </message>
    <message>
        <source>End the status call and log it on the case</source>
        <translation>Terminar la llamada de seguimiento y registrarla en el caso</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not read case #%2: %1</source>
        <translation>No se pudo leer el caso #%2: %1</translation>
    </message>
    <message>
        <source>Case not found</source>
        <translation>Caso no encontrado</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Prioridad %1</translation>
    </message>
    <message>
        <source>Status calls: %1</source>
        <translation>Llamadas de seguimiento: %1</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>sin dirección</translation>
    </message>
    <message>
        <source>The status call is logged on the case.</source>
        <translation>La llamada de seguimiento quedó registrada en el caso.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is closed as a duplicate of %2; %n caller(s) moved there.</source>
        <translation>
            <numerusform>%1 se cerró como duplicado de %2; %n persona pasó allí.</numerusform>
            <numerusform>%1 se cerró como duplicado de %2; %n personas pasaron allí.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseQuestions</name>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Change the priority of %1</source>
        <translation>Cambiar la prioridad de %1</translation>
    </message>
    <message>
        <source>Escalate %1</source>
        <translation>Escalar %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>Reabrir %1</translation>
    </message>
</context>
<context>
    <name>CaseReassignDialog</name>
    <message>
        <source>Reassign %1</source>
        <translation>Reasignar %1</translation>
    </message>
    <message>
        <source>Keep its queue</source>
        <translation>Mantener su cola</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>[staff only]</source>
        <translation>[solo personal]</translation>
    </message>
    <message>
        <source>No category chosen yet.</source>
        <translation>Todavía no eligió una categoría.</translation>
    </message>
    <message>
        <source>(staff only)</source>
        <translation>(solo personal)</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change the role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change to the configuration, from any console, a city load or an import; the newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Point at a bar or a point to read its value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CityPage</name>
    <message>
        <source>The map cannot show the districts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reference prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only new requests take a new prefix; existing references keep theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes separated by commas, the default first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map centre:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unknown location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the old system put requests with no location; empty: none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A click sets the map &amp;centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A click sets the unknown &amp;location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the city settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude, then longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the city settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The city settings were changed at another console; Revert shows them (what you typed here is not saved yet).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>Leave during a call?</source>
        <translation>¿Salir durante una llamada?</translation>
    </message>
    <message>
        <source>A call is being taken. Keep it as a draft to finish it the next time you sign in or start the console, or discard what was typed?</source>
        <translation>Hay una llamada en curso. ¿Desea guardarla como borrador para terminarla la próxima vez que inicie sesión o abra la consola, o descartar lo escrito?</translation>
    </message>
    <message>
        <source>&amp;Keep as draft</source>
        <translation>&amp;Guardar como borrador</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>Declare a closure day on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, e.g. 2026-02-09</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Snow emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the city is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open case will be due later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 open case will be due later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open cases will be due later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Declare closed to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving due dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Declare closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Requests created by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open backlog at the end of each day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA compliance by queue (most requests first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours to resolve by queue: median and 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open and overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests with an SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intake to resolve, median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intake to resolve, 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign to resolve, median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign to resolve, 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intake to resolve: median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assign to resolve: median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 requests created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 open at the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no case of these queues records when it was assigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 on time, %3 late, %4 open and overdue (on time %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: intake to resolve median %2 h, 90th percentile %3 h; assign to resolve median %4 h, 90th percentile %5 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests created on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests open at the end of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open and overdue in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardFilterBar</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District layer for equity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Equity by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1 to %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (every request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity by: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Char&amp;ts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;quity by district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every table as CSV files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every table in a workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard on paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The city has no districts to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard&apos;s figures cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cases cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equity by district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the tables as CSV to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillList</name>
    <message>
        <source>Click a bar, a point or a district to list its cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases behind the chosen figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 cases, the newest %3 listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EquityPanel</name>
    <message>
        <source>C&amp;ompare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Districts against the city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by the gap to the city; a gap within chance is &apos;about the same&apos;. Hover over a district for its figure; click it for its cases.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EscalationRulesPage</name>
    <message>
        <source>Escalation rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the SLA clock does when an open case crosses a line: each rule fires once per case, with a history event and an alert for the case&apos;s department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an escalation rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected rule inactive, or active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the selected rule inactive, or active again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the escalation rules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBox</name>
    <message>
        <source>Find a case</source>
        <translation>Buscar un caso</translation>
    </message>
    <message>
        <source>Find a case (%1)</source>
        <translation>Buscar caso (%1)</translation>
    </message>
    <message>
        <source>Reference, phone, caller&apos;s name, address or words, open or closed cases</source>
        <translation>Número de referencia, teléfono, nombre de quien llama, dirección o palabras; casos abiertos o cerrados</translation>
    </message>
</context>
<context>
    <name>FollowerForm</name>
    <message>
        <source>Caller&apos;s name</source>
        <translation>Nombre de la persona que llama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Caller&apos;s phone</source>
        <translation>Teléfono de la persona que llama</translation>
    </message>
    <message>
        <source>E-mail for updates</source>
        <translation>Correo para recibir novedades</translation>
    </message>
    <message>
        <source>Caller&apos;s e-mail</source>
        <translation>Correo de la persona que llama</translation>
    </message>
    <message>
        <source>&amp;Follow this case</source>
        <translation>Se&amp;guir este caso</translation>
    </message>
    <message>
        <source>Add the caller as a follower: they are told of updates</source>
        <translation>Agregar a la persona como seguidora: se le avisarán las novedades</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>Persona que llama:</translation>
    </message>
    <message>
        <source>Type the caller&apos;s name, phone or e-mail first.</source>
        <translation>Primero escriba el nombre, teléfono o correo de la persona que llama.</translation>
    </message>
    <message>
        <source>The caller already follows %1.</source>
        <translation>La persona ya sigue %1.</translation>
    </message>
    <message>
        <source>The caller now follows %1 and will be told of updates.</source>
        <translation>La persona ahora sigue %1 y se le avisarán las novedades.</translation>
    </message>
    <message>
        <source>The caller was not added: %1</source>
        <translation>La persona no se agregó: %1</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>%1 created it</source>
        <translation>%1 lo creó</translation>
    </message>
    <message>
        <source>%1 routed it</source>
        <translation>%1 lo enrutó</translation>
    </message>
    <message>
        <source>%1 reassigned it</source>
        <translation>%1 lo reasignó</translation>
    </message>
    <message>
        <source>%1 changed its priority</source>
        <translation>%1 cambió su prioridad</translation>
    </message>
    <message>
        <source>%1 escalated it</source>
        <translation>%1 lo escaló</translation>
    </message>
    <message>
        <source>%1 moved it along</source>
        <translation>%1 lo hizo avanzar</translation>
    </message>
    <message>
        <source>%1 resolved it</source>
        <translation>%1 lo resolvió</translation>
    </message>
    <message>
        <source>%1 closed it</source>
        <translation>%1 lo cerró</translation>
    </message>
    <message>
        <source>%1 reopened it</source>
        <translation>%1 lo reabrió</translation>
    </message>
    <message>
        <source>%1 re-routed it</source>
        <translation>%1 lo reenrutó</translation>
    </message>
    <message>
        <source>%1 added a note</source>
        <translation>%1 agregó una nota</translation>
    </message>
    <message>
        <source>%1 added a caller</source>
        <translation>%1 agregó a una persona que llamó</translation>
    </message>
    <message>
        <source>%1 merged it into another case as a duplicate</source>
        <translation>%1 lo unió a otro caso como duplicado</translation>
    </message>
    <message>
        <source>%1 linked a duplicate to it</source>
        <translation>%1 le vinculó un duplicado</translation>
    </message>
    <message>
        <source>%1 took a status call</source>
        <translation>%1 atendió una llamada de seguimiento</translation>
    </message>
    <message>
        <source>The SLA clock escalated it: it turned at risk</source>
        <translation>El reloj del SLA lo escaló: pasó a estar en riesgo</translation>
    </message>
    <message>
        <source>The SLA clock escalated it: it is overdue</source>
        <translation>El reloj del SLA lo escaló: está vencido</translation>
    </message>
    <message>
        <source>The SLA clock escalated it: it is %1 business hours overdue</source>
        <translation>El reloj del SLA lo escaló: lleva %1 horas hábiles de retraso</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>prioridad</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>cola</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>asignado a</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>location</source>
        <translation>ubicación</translation>
    </message>
    <message>
        <source>district</source>
        <translation>distrito</translation>
    </message>
    <message>
        <source>closure reason</source>
        <translation>motivo de cierre</translation>
    </message>
    <message>
        <source>due</source>
        <translation>vencimiento</translation>
    </message>
    <message>
        <source>created</source>
        <translation>creado</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>enrutado</translation>
    </message>
    <message>
        <source>caller added</source>
        <translation>persona agregada</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>reabierto</translation>
    </message>
    <message>
        <source>%1 changed it (%2)</source>
        <translation>%1 lo cambió (%2)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>No messages</source>
        <translation>Sin mensajes</translation>
    </message>
    <message>
        <source>New call (asks before discarding a typed one)</source>
        <translation>Nueva llamada (pregunta antes de descartar lo escrito)</translation>
    </message>
    <message>
        <source>Submit the call</source>
        <translation>Enviar la llamada</translation>
    </message>
    <message>
        <source>Cancel the call</source>
        <translation>Cancelar la llamada</translation>
    </message>
    <message>
        <source>Go to the address</source>
        <translation>Ir a la dirección</translation>
    </message>
    <message>
        <source>Go to the category search</source>
        <translation>Ir a la búsqueda de categoría</translation>
    </message>
    <message>
        <source>Go to the description</source>
        <translation>Ir a la descripción</translation>
    </message>
    <message>
        <source>Show the last read-back card again</source>
        <translation>Volver a mostrar la última tarjeta de confirmación</translation>
    </message>
    <message>
        <source>Fill in the caller&apos;s name and e-mail</source>
        <translation>Completar el nombre y el correo de la persona que llama</translation>
    </message>
    <message>
        <source>The call you were taking was restored.</source>
        <translation>Se recuperó la llamada que estaba atendiendo.</translation>
    </message>
    <message>
        <source>Earlier requests from this number:</source>
        <translation>Solicitudes anteriores de este número:</translation>
    </message>
    <message>
        <source>Will go to %1 — %2 Expected by %3.</source>
        <translation>Irá a %1 — %2 Fecha prevista: %3.</translation>
    </message>
    <message>
        <source>The photos are still being read: submit again in a moment.</source>
        <translation>Todavía se están leyendo las fotos: vuelva a enviar en un momento.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) kept on this computer: the database does not answer. They are sent as soon as it does.</source>
        <translation>
            <numerusform>%n llamada guardada en esta computadora: la base de datos no responde. Se enviará en cuanto responda.</numerusform>
            <numerusform>%n llamadas guardadas en esta computadora: la base de datos no responde. Se enviarán en cuanto responda.</numerusform>
        </translation>
    </message>
    <message>
        <source>A kept call was sent: %1</source>
        <translation>Se envió una llamada guardada: %1</translation>
    </message>
    <message>
        <source>Discard this call?</source>
        <translation>¿Descartar esta llamada?</translation>
    </message>
    <message>
        <source>What was typed for this call will be lost.</source>
        <translation>Se perderá lo escrito para esta llamada.</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Persona que llama</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>Caller phone</source>
        <translation>Teléfono de la persona que llama</translation>
    </message>
    <message>
        <source>(617) 555-0100</source>
        <translation>(617) 555-0100</translation>
    </message>
    <message>
        <source>First &amp;name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>Caller first name</source>
        <translation>Nombre de la persona que llama</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>Ape&amp;llido</translation>
    </message>
    <message>
        <source>Caller last name</source>
        <translation>Apellido de la persona que llama</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>Co&amp;rreo electrónico</translation>
    </message>
    <message>
        <source>Caller e-mail</source>
        <translation>Correo de la persona que llama</translation>
    </message>
    <message>
        <source>for the confirmation</source>
        <translation>para la confirmación</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Caller preferred language</source>
        <translation>Idioma preferido de la persona que llama</translation>
    </message>
    <message>
        <source>&amp;Reply by</source>
        <translation>A&amp;visar por</translation>
    </message>
    <message>
        <source>How the caller wants to hear back</source>
        <translation>Cómo quiere recibir los avisos la persona que llama</translation>
    </message>
    <message>
        <source>How the caller is told about their report: by e-mail, by text message, or not at all</source>
        <translation>Cómo se le avisa a la persona sobre su reporte: por correo electrónico, por mensaje de texto o de ninguna forma</translation>
    </message>
    <message>
        <source>An&amp;onymous caller</source>
        <translation>Llamada anóni&amp;ma</translation>
    </message>
    <message>
        <source>Anonymous caller</source>
        <translation>Llamada anónima</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Location address</source>
        <translation>Dirección de la ubicación</translation>
    </message>
    <message>
        <source>house number and street, or A &amp; B for a corner</source>
        <translation>número y calle, o A &amp; B para una esquina</translation>
    </message>
    <message>
        <source>Type an address, or click the map.</source>
        <translation>Escriba una dirección o haga clic en el mapa.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Category search</source>
        <translation>Búsqueda de categoría</translation>
    </message>
    <message>
        <source>what is the problem? e.g. pothole, streetlight out</source>
        <translation>¿cuál es el problema? p. ej., bache, farola apagada</translation>
    </message>
    <message>
        <source>Matching categories</source>
        <translation>Categorías que coinciden</translation>
    </message>
    <message>
        <source>No category chosen yet.</source>
        <translation>Todavía no eligió una categoría.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>What the caller says, in their words</source>
        <translation>Lo que dice la persona que llama, en sus palabras</translation>
    </message>
    <message>
        <source>0 / 4000</source>
        <translation>0 / 4000</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Add p&amp;hoto…</source>
        <translation>Agregar &amp;foto…</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Agregar foto</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Routing preview</source>
        <translation>Vista previa del enrutamiento</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Nueva llamada</translation>
    </message>
    <message>
        <source>Cancel call</source>
        <translation>Cancelar llamada</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>Enviar solicitud</translation>
    </message>
    <message>
        <source>Read this back to the caller</source>
        <translation>Léale esto a la persona que llama</translation>
    </message>
    <message>
        <source>Recall last submission</source>
        <translation>Recuperar el último envío</translation>
    </message>
    <message>
        <source>Show the last read-back card again (Ctrl+R)</source>
        <translation>Volver a mostrar la última tarjeta de confirmación (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>IntakePresenter</name>
    <message>
        <source>The calls kept on this computer could not be read: %1</source>
        <translation>No se pudieron leer las llamadas guardadas en esta computadora: %1</translation>
    </message>
    <message>
        <source>The saved draft could not be read: %1</source>
        <translation>No se pudo leer el borrador guardado: %1</translation>
    </message>
    <message>
        <source>What was typed could not be kept on this computer: %1</source>
        <translation>No se pudo guardar lo escrito en esta computadora: %1</translation>
    </message>
    <message>
        <source>Could not read the categories: %1</source>
        <translation>No se pudieron leer las categorías: %1</translation>
    </message>
    <message>
        <source>Could not read the city&apos;s settings (map, time zone, phone region): %1</source>
        <translation>No se pudo leer la configuración de la ciudad (mapa, zona horaria, región telefónica): %1</translation>
    </message>
    <message>
        <source>Could not look up the caller&apos;s earlier requests: %1</source>
        <translation>No se pudieron consultar las solicitudes anteriores de la persona que llama: %1</translation>
    </message>
    <message>
        <source>Could not look up addresses: %1</source>
        <translation>No se pudieron consultar las direcciones: %1</translation>
    </message>
    <message>
        <source>Could not find the address and district at the pin: %1</source>
        <translation>No se encontró la dirección ni el distrito del marcador: %1</translation>
    </message>
    <message>
        <source>Could not work out where the call would go: %1</source>
        <translation>No se pudo determinar a dónde iría la llamada: %1</translation>
    </message>
    <message>
        <source>The call was not submitted: %1</source>
        <translation>La llamada no se envió: %1</translation>
    </message>
    <message>
        <source>The database does not answer, and the call could not be kept on this computer either (%1). It is still on the form.</source>
        <translation>La base de datos no responde y tampoco se pudo guardar la llamada en esta computadora (%1). Sigue en el formulario.</translation>
    </message>
    <message>
        <source>A kept call was sent but stays on this computer: %1</source>
        <translation>Se envió una llamada guardada, pero sigue en esta computadora: %1</translation>
    </message>
    <message>
        <source>A queued call was refused and is kept: %1</source>
        <translation>Se rechazó una llamada en espera y se conserva: %1</translation>
    </message>
</context>
<context>
    <name>LocationPicker</name>
    <message>
        <source>No known address matches “%1”. Check the spelling, or click the map.</source>
        <translation>Ninguna dirección conocida coincide con “%1”. Revise la ortografía o haga clic en el mapa.</translation>
    </message>
    <message>
        <source>Looking up the place…</source>
        <translation>Buscando el lugar…</translation>
    </message>
    <message>
        <source>⚠ This pin is outside every district of the city. Check the location with the caller.</source>
        <translation>⚠ Este marcador está fuera de todos los distritos de la ciudad. Confirme la ubicación con la persona que llama.</translation>
    </message>
    <message>
        <source>Pin at %1, %2 (%3).</source>
        <translation>Marcador en %1, %2 (%3).</translation>
    </message>
    <message>
        <source>Type an address, or click the map.</source>
        <translation>Escriba una dirección o haga clic en el mapa.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Administration</source>
        <translation>Administración</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Queues &amp; teams</source>
        <translation>Colas y equipos</translation>
    </message>
    <message>
        <source>City settings</source>
        <translation>Configuración de la ciudad</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>SLA alerts</source>
        <translation>Alertas de SLA</translation>
    </message>
    <message>
        <source>SLA alerts: %1</source>
        <translation>Alertas de SLA: %1</translation>
    </message>
    <message>
        <source>Show the SLA alerts (%1)</source>
        <translation>Mostrar las alertas de SLA (%1)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Colas</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Enrutamiento</translation>
    </message>
    <message>
        <source>Escalation rules</source>
        <translation>Reglas de escalamiento</translation>
    </message>
    <message>
        <source>&amp;Find a case…</source>
        <translation>&amp;Buscar un caso…</translation>
    </message>
    <message>
        <source>SLA &amp; calendars</source>
        <translation>SLA y calendarios</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Work lists</source>
        <translation>Listas de trabajo</translation>
    </message>
    <message>
        <source>Save this search…</source>
        <translation>Guardar esta búsqueda…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Demo database: no sign-in, anyone can act as anyone</source>
        <translation>Demostración: sin inicio de sesión, cualquiera actúa como otro</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user…</source>
        <translation>&amp;Cerrar sesión / cambiar de usuario…</translation>
    </message>
    <message>
        <source>Operator Console</source>
        <translation>Operator Console</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Ir a %1</translation>
    </message>
    <message>
        <source>About Operator Console</source>
        <translation>Acerca de Operator Console</translation>
    </message>
    <message>
        <source>Operator Console %1
A desktop console for 311 call centers.</source>
        <translation>Operator Console %1
Una consola de escritorio para centros de llamadas 311.</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Dispatcher</source>
        <translation>Despachador</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation>&amp;Consola</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts of this screen</source>
        <translation>Atajos de &amp;teclado de esta pantalla</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Operator Console</source>
        <translation>&amp;Acerca de Operator Console</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Arrow keys pan, plus and minus zoom, Enter puts the pin at the centre.</source>
        <translation>Las flechas mueven el mapa, más y menos cambian el zoom, Intro coloca el marcador en el centro.</translation>
    </message>
    <message>
        <source>Request location</source>
        <translation>Ubicación de la solicitud</translation>
    </message>
</context>
<context>
    <name>MarkDuplicateDialog</name>
    <message>
        <source>Mark %1 as a duplicate</source>
        <translation>Marcar %1 como duplicado</translation>
    </message>
    <message>
        <source>Choose the case %1 repeats. %1 is closed as its duplicate, and its callers follow that case from then on.</source>
        <translation>Elija el caso que %1 repite. %1 se cierra como su duplicado, y desde entonces sus personas que llamaron siguen ese caso.</translation>
    </message>
    <message>
        <source>Looking for cases nearby…</source>
        <translation>Buscando casos cercanos…</translation>
    </message>
    <message>
        <source>Cases it may repeat</source>
        <translation>Casos que puede repetir</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Número de referencia</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>Why offered</source>
        <translation>Por qué se propone</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Why it is the same problem (both histories show it; residents see it)</source>
        <translation>Por qué es el mismo problema (aparece en ambos historiales; los residentes lo ven)</translation>
    </message>
    <message>
        <source>Mark as duplicate</source>
        <translation>Marcar como duplicado</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) of the same kind within 1,000 m, likeliest first</source>
        <translation>
            <numerusform>%n caso del mismo tipo a menos de 1.000 m, el más probable primero</numerusform>
            <numerusform>%n casos del mismo tipo a menos de 1.000 m, los más probables primero</numerusform>
        </translation>
    </message>
    <message>
        <source>No case of the same kind within 1,000 m (or the case has no pin).</source>
        <translation>No hay casos del mismo tipo a menos de 1.000 m (o el caso no tiene marcador).</translation>
    </message>
    <message>
        <source>Choose the case it repeats.</source>
        <translation>Elija el caso que repite.</translation>
    </message>
    <message>
        <source>Say why: the reason goes into both case histories.</source>
        <translation>Indique el motivo: queda en el historial de ambos casos.</translation>
    </message>
    <message>
        <source>The case screen now shows it as it is; OK marks it as it is now.</source>
        <translation>La pantalla del caso ahora lo muestra como está; Aceptar lo marca tal como está ahora.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <source>The link could not be made (%1); nothing was saved.</source>
        <translation>No se pudo hacer el vínculo (%1); no se guardó nada.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Request received</source>
        <translation>Solicitud recibida</translation>
    </message>
    <message>
        <source>Linked to another request</source>
        <translation>Vinculada a otra solicitud</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>Trabajo iniciado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabierta</translation>
    </message>
    <message>
        <source>Public note</source>
        <translation>Nota pública</translation>
    </message>
    <message>
        <source>Expected date changed</source>
        <translation>Cambió la fecha prevista</translation>
    </message>
    <message>
        <source>Request created</source>
        <translation>Solicitud creada</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignada</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Undeliverable</source>
        <translation>No entregable</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenido</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagesPanel</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference or address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct and send a&amp;gain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the address of the chosen message and send it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages to residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the channel filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find messages by case reference or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case the chosen message is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the chosen message&apos;s address, send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message about %1 will be sent again, to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s own address was left as it was: your role may not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message matches these choices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest %1 messages are shown; choose a status or find a case for the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>re-sent by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department to move it to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 team(s) and crew(s) move with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Works for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue to move it under</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyCasesModel</name>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyCasesSection</name>
    <message>
        <source>My open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My resolved and closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open case is assigned to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None resolved or closed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;My &amp;open cases&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved and c&amp;losed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not on the staff list, so no case can be assigned to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read your cases: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoList</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>No se pudo leer %1: %2</translation>
    </message>
    <message>
        <source>The photos could not be read: %1</source>
        <translation>No se pudieron leer las fotos: %1</translation>
    </message>
    <message>
        <source>%1 could not be shown: %2</source>
        <translation>No se pudo mostrar %1: %2</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Agregar fotos</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.heic)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp *.heic)</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Add an SLA policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. business-5d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5 business days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working hours of the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Around the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours, e.g. 45 (5 days of 9 hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0.75 or 75%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target (hours):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target in hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;risk after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the target after which a case is at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;alendar:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to cases opened from now on; open cases keep their due dates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemLine</name>
    <message>
        <source>something unexpected went wrong; the details are in the console&apos;s log for support</source>
        <translation>ocurrió un error inesperado; los detalles están en el registro de la consola para el equipo de soporte</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>QuestionFields</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>AAAA-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
</context>
<context>
    <name>QueueChecklist</name>
    <message>
        <source>Find a queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
    <message>
        <source>Search reference, address, description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any SLA state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueMaps</name>
    <message>
        <source>The maps cannot show the city&apos;s districts: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePicker</name>
    <message>
        <source>Type to find a queue, team or department</source>
        <translation>Escriba para buscar una cola, un equipo o un departamento</translation>
    </message>
    <message>
        <source>Find a queue</source>
        <translation>Buscar una cola</translation>
    </message>
    <message>
        <source>Queues by department</source>
        <translation>Colas por departamento</translation>
    </message>
    <message>
        <source>team</source>
        <translation>equipo</translation>
    </message>
    <message>
        <source>crew</source>
        <translation>cuadrilla</translation>
    </message>
    <message>
        <source>No queue, team or department matches “%1”.</source>
        <translation>Ninguna cola, equipo ni departamento coincide con “%1”.</translation>
    </message>
</context>
<context>
    <name>QueueSummaryModel</name>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crew</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <source>%1 late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuesDialog</name>
    <message>
        <source>Queues of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queues:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message>
        <source>Queues &amp; teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;team or crew…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments, queues, teams and crews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a team or crew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a team or crew under the selected queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected one (or Return, or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the queues: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has %1 open case(s): they stay in it and can still be worked and moved. It is no longer offered for new work; you can reactivate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message>
        <source>My queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case on the Case tab (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose several queues in the list (Shift+click: a range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read your queues: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the saved filters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the filter lists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the cases of each queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the cases: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 overdue · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln queue(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not put the cases on the map: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadBack</name>
    <message>
        <source>no fixed date for this kind of request</source>
        <translation>no hay fecha fija para este tipo de solicitud</translation>
    </message>
</context>
<context>
    <name>ReadBackCard</name>
    <message>
        <source>(This call was already stored; no second request was made.)</source>
        <translation>(Esta llamada ya estaba guardada; no se creó una segunda solicitud.)</translation>
    </message>
    <message>
        <source>Already reported: the caller now follows this request.</source>
        <translation>Ya estaba reportado: la persona que llama ahora sigue esta solicitud.</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Categoría: %1</translation>
    </message>
    <message>
        <source>Expected by: %1</source>
        <translation>Fecha prevista: %1</translation>
    </message>
    <message>
        <source>The city</source>
        <translation>La ciudad</translation>
    </message>
    <message>
        <source>%1 will review it; you can follow it with your reference number.</source>
        <translation>%1 lo revisará; puede darle seguimiento con su número de referencia.</translation>
    </message>
    <message>
        <source>%1 will work on it; we expect it done by %2.</source>
        <translation>%1 se encargará; esperamos que esté listo para el %2.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why (goes into the case history)</source>
        <translation>Motivo (queda en el historial del caso)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Say why: the reason goes into the case history.</source>
        <translation>Indique el motivo: queda en el historial del caso.</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message numerus="yes">
        <source>Reassign %n case(s)</source>
        <translation>
            <numerusform>Reasignar %n caso</numerusform>
            <numerusform>Reasignar %n casos</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep each case&apos;s queue</source>
        <translation>Mantener la cola de cada caso</translation>
    </message>
    <message>
        <source>Nobody (leave in queue)</source>
        <translation>Nadie (dejar en la cola)</translation>
    </message>
    <message>
        <source>Why (goes into each case&apos;s history)</source>
        <translation>Motivo (queda en el historial de cada caso)</translation>
    </message>
    <message>
        <source>To &amp;queue or team:</source>
        <translation>A la &amp;cola o equipo:</translation>
    </message>
    <message>
        <source>To &amp;person:</source>
        <translation>A la &amp;persona:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Choose a queue, team or crew in the list, or keep the queue.</source>
        <translation>Elija una cola, un equipo o una cuadrilla de la lista, o mantenga la cola.</translation>
    </message>
    <message>
        <source>Choose a queue, team or crew, a person, or both.</source>
        <translation>Elija una cola, un equipo o una cuadrilla, una persona, o ambos.</translation>
    </message>
    <message>
        <source>Say why: the reason goes into the case history.</source>
        <translation>Indique el motivo: queda en el historial del caso.</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>At risk from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;nel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the request on the Case tab (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the channel filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the open requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RerouteDialog</name>
    <message>
        <source>Re-route %1</source>
        <translation>Reenrutar %1</translation>
    </message>
    <message>
        <source>Now: %1. Type to choose another category</source>
        <translation>Ahora: %1. Escriba para elegir otra categoría</translation>
    </message>
    <message>
        <source>Corrected category</source>
        <translation>Categoría corregida</translation>
    </message>
    <message>
        <source>Categories found</source>
        <translation>Categorías encontradas</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>sin dirección</translation>
    </message>
    <message>
        <source>Now: %1. Type to find another address</source>
        <translation>Ahora: %1. Escriba para buscar otra dirección</translation>
    </message>
    <message>
        <source>Corrected address</source>
        <translation>Dirección corregida</translation>
    </message>
    <message>
        <source>Addresses found</source>
        <translation>Direcciones encontradas</translation>
    </message>
    <message>
        <source>Why (goes into the case history)</source>
        <translation>Motivo (queda en el historial del caso)</translation>
    </message>
    <message>
        <source>Routing runs again by the rules. When it sends the case to another queue, the case waits there unassigned; the due date follows the new category.</source>
        <translation>El enrutamiento se vuelve a aplicar según las reglas. Si envía el caso a otra cola, el caso espera allí sin asignar; la fecha límite sigue la nueva categoría.</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>No address matches “%1”.</source>
        <translation>Ninguna dirección coincide con “%1”.</translation>
    </message>
    <message>
        <source>No category matches what is typed: choose one from the list.</source>
        <translation>Ninguna categoría coincide con lo escrito: elija una de la lista.</translation>
    </message>
    <message>
        <source>Choose the address from the list, or clear the field to keep it.</source>
        <translation>Elija la dirección de la lista, o borre el campo para mantenerla.</translation>
    </message>
    <message>
        <source>Say why: the reason goes into the case history.</source>
        <translation>Indique el motivo: queda en el historial del caso.</translation>
    </message>
</context>
<context>
    <name>ResendDialog</name>
    <message>
        <source>Correct and send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2” for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to this &amp;phone number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to this &amp;e-mail address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s own address is corrected too, for the next messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve %1</source>
        <translation>Resolver %1</translation>
    </message>
    <message>
        <source>Choose a closure reason…</source>
        <translation>Elija un motivo de cierre…</translation>
    </message>
    <message>
        <source>What was done (residents are told)</source>
        <translation>Qué se hizo (se les informa a los residentes)</translation>
    </message>
    <message>
        <source>A duplicate? Use “Mark as duplicate…”: its callers then follow the case it repeats.</source>
        <translation>¿Es un duplicado? Use “Marcar como duplicado…”: así sus personas que llamaron siguen el caso que repite.</translation>
    </message>
    <message>
        <source>Closure reason:</source>
        <translation>Motivo de cierre:</translation>
    </message>
    <message>
        <source>Closure note:</source>
        <translation>Nota de cierre:</translation>
    </message>
    <message>
        <source>Choose a closure reason first: the resident is told why the request was closed. Your note is kept.</source>
        <translation>Primero elija un motivo de cierre: al residente se le informa por qué se cerró la solicitud. Su nota se conserva.</translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>Routing rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a routing rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected rule (or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test where the chosen service at the pin would go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the routing rules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the rule?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove rule %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests it took will follow the next rule that matches them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutingPickers</name>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutingTester</name>
    <message>
        <source>Where would this go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service to test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an address, or click the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again where it would go (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service, then click the map or type an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test where it would go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the map or type an address to put the pin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; a case records %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside every district: only rules for any district apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: %1 · priority %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not test: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up the address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known address matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Add an escalation rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change escalation rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk of missing its due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue by some business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business hours past due, e.g. 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify the department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise the priority one step, and notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to a queue, and notify its department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose a queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every SLA policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When a case is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hours past due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue to move the case to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &amp;policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases the rule already fired on keep what it did; it does not fire twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type how many business hours past due, e.g. 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a number of hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a routing rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of two rules that reach as far, the lower rank wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this rule exists (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requests for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District &amp;layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a service or a group from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a district of this layer from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the queue from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleFilters</name>
    <message>
        <source>Show rules for service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show rules to queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show rules in district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dis&amp;trict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All districts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedSearchesSection</name>
    <message>
        <source>Saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the current search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases the saved search finds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a saved search and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sa&amp;ved searches&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (shared with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (by %2, for %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the saved searches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cases found: %2. Enter opens the one chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run the saved search: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no search to save: find cases with Ctrl+F first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved search was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only me (private)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved search “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchFilters</name>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Filtro de categoría</translation>
    </message>
    <message>
        <source>District filter</source>
        <translation>Filtro de distrito</translation>
    </message>
    <message>
        <source>Opened from</source>
        <translation>Abierto desde</translation>
    </message>
    <message>
        <source>Opened on or after</source>
        <translation>Abierto el o después del</translation>
    </message>
    <message>
        <source>Opened on or before</source>
        <translation>Abierto el o antes del</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Cualquier categoría</translation>
    </message>
    <message>
        <source>Any district</source>
        <translation>Cualquier distrito</translation>
    </message>
</context>
<context>
    <name>SearchHits</name>
    <message>
        <source>Reference</source>
        <translation>Número de referencia</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Why it matched</source>
        <translation>Por qué coincide</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Find a case</source>
        <translation>Buscar un caso</translation>
    </message>
    <message>
        <source>Reference, phone, caller&apos;s name, address or words of the description</source>
        <translation>Número de referencia, teléfono, nombre de quien llama, dirección o palabras de la descripción</translation>
    </message>
    <message>
        <source>Cases found</source>
        <translation>Casos encontrados</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Up and Down choose a case, Enter opens it, Esc closes.</source>
        <translation>Arriba y Abajo eligen un caso, Intro lo abre, Esc cierra.</translation>
    </message>
    <message>
        <source>Type what the caller gives you: any of the above.</source>
        <translation>Escriba lo que le dé la persona que llama: cualquiera de los datos anteriores.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Cases found: %1. Enter opens the one chosen.</source>
        <translation>Casos encontrados: %1. Intro abre el elegido.</translation>
    </message>
    <message>
        <source>these filters</source>
        <translation>estos filtros</translation>
    </message>
    <message>
        <source>No case matches %1.</source>
        <translation>Ningún caso coincide con %1.</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>La búsqueda falló: %1</translation>
    </message>
    <message>
        <source>The category and district filters could not be read: %1</source>
        <translation>No se pudieron leer los filtros de categoría y distrito: %1</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Set a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutHelp</name>
    <message>
        <source>Go to %1</source>
        <translation>Ir a %1</translation>
    </message>
    <message>
        <source>Press %1</source>
        <translation>Pulsar %1</translation>
    </message>
    <message>
        <source>Keyboard shortcuts — %1</source>
        <translation>Atajos de teclado — %1</translation>
    </message>
    <message>
        <source>On the %1 screen</source>
        <translation>En la pantalla %1</translation>
    </message>
    <message>
        <source>Everywhere in the window</source>
        <translation>En toda la ventana</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Qué hacen</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Operator Console</source>
        <translation>Iniciar sesión — Operator Console</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Type your login.</source>
        <translation>Escriba su usuario.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>SlaDialog</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlaPage</name>
    <message>
        <source>SLA policies &amp; calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure days of the chosen calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;lendar settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Declare a closure day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove closure day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No closure day. When the city closes (a snow day), declare it here: the open cases it touches become due later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an SLA policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare a closure day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected policy, or the selected calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare a closure day on the selected calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the closure day?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1 (%2) again on %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open cases it made due later become due earlier again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the SLA policies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffChooser</name>
    <message>
        <source>Who is at this console?</source>
        <translation>¿Quién está en esta consola?</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Integrante del personal</translation>
    </message>
    <message>
        <source>Every action you take is recorded under your name.</source>
        <translation>Cada acción que realice queda registrada a su nombre.</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the role of the selected person (or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the staff: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable the login?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They can no longer sign in. Their history stays; you can enable them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupView</name>
    <message>
        <source>Operator Console</source>
        <translation>Operator Console</translation>
    </message>
    <message>
        <source>Starting Operator Console</source>
        <translation>Iniciando Operator Console</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>Conectando con la base de datos…</translation>
    </message>
    <message>
        <source>The console cannot start</source>
        <translation>La consola no puede iniciar</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Routed</source>
        <translation>Enrutado</translation>
    </message>
    <message>
        <source>In queue</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Asignado</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
</context>
<context>
    <name>StatusCallPanel</name>
    <message>
        <source>Status call — read this to the caller</source>
        <translation>Llamada de seguimiento — léale esto a la persona que llama</translation>
    </message>
    <message>
        <source>The status to read aloud</source>
        <translation>El estado para leer en voz alta</translation>
    </message>
    <message>
        <source>What the caller said, or a note for the case</source>
        <translation>Lo que dijo la persona que llama, o una nota para el caso</translation>
    </message>
    <message>
        <source>Note from the call</source>
        <translation>Nota de la llamada</translation>
    </message>
    <message>
        <source>Residents can see it</source>
        <translation>Los residentes pueden verla</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Agregar &amp;nota</translation>
    </message>
    <message>
        <source>&amp;Reopen: still a problem</source>
        <translation>&amp;Reabrir: el problema sigue</translation>
    </message>
    <message>
        <source>The caller says the problem is still there</source>
        <translation>La persona que llama dice que el problema sigue</translation>
    </message>
    <message>
        <source>E&amp;scalate: overdue</source>
        <translation>E&amp;scalar: vencido</translation>
    </message>
    <message>
        <source>&amp;End call</source>
        <translation>&amp;Terminar llamada</translation>
    </message>
    <message>
        <source>Log the call on the case (%1)</source>
        <translation>Registrar la llamada en el caso (%1)</translation>
    </message>
    <message>
        <source>Earlier calls about this case: %1</source>
        <translation>Llamadas anteriores sobre este caso: %1</translation>
    </message>
    <message>
        <source>First call about this case</source>
        <translation>Primera llamada sobre este caso</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>Primero escriba la nota.</translation>
    </message>
    <message>
        <source>The note is on the case.</source>
        <translation>La nota quedó en el caso.</translation>
    </message>
    <message>
        <source>The case is reopened and back in its queue.</source>
        <translation>El caso se reabrió y volvió a su cola.</translation>
    </message>
    <message>
        <source>The case is escalated.</source>
        <translation>El caso se escaló.</translation>
    </message>
</context>
<context>
    <name>TableColumns</name>
    <message>
        <source>Fit columns to the window</source>
        <translation>Ajustar las columnas a la ventana</translation>
    </message>
</context>
<context>
    <name>TriagePanel</name>
    <message>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry on the current cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case in this bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case on the Case tab (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select several cases to reassign (Shift+click: a range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select every case shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the queues you cover: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln queue(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln department(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the people: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the cases of this bucket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the buckets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) reassigned</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected case(s) not changed, still selected:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Case #%1: already as asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: already in %2, assigned to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: already in %2, with nobody assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was reassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistsPanel</name>
    <message>
        <source>Go to my open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to my resolved and closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the case, or run the saved search, that is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the search in Find a case under a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the chosen saved search (your own)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>case</name>
    <message>
        <source>The case&apos;s messages cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>%1 is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>Late in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map cannot show the city&apos;s districts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages could not be handed on: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>The first calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>popup</name>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.view</name>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First start: building the demo city from Boston&apos;s 311 data (25,000 requests). This takes a few seconds, once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo city on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1 as %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console could not open its window: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
