<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AddQueueDialog</name>
    <message>
        <source>Add a team or crew</source>
        <translation>Agregar un equipo o cuadrilla</translation>
    </message>
    <message>
        <source>Add a queue</source>
        <translation>Agregar una cola</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Cuadrilla</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Team or crew</source>
        <translation>Equipo o cuadrilla</translation>
    </message>
    <message>
        <source>&amp;Works for:</source>
        <translation>Trabaja &amp;para:</translation>
    </message>
    <message>
        <source>Queue it works for</source>
        <translation>Cola para la que trabaja</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Departamento:</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>As staff see it: Street signs</source>
        <translation>Como lo ve el personal: Señales de tránsito</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Short and unique: PWD_SIGNS</source>
        <translation>Corto y único: PWD_SIGNS</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <source>Add a staff member</source>
        <translation>Agregar un miembro del personal</translation>
    </message>
    <message>
        <source>jsmith: lower-case letters, digits, _ . -</source>
        <translation>jsmith: minúsculas, dígitos, _ . -</translation>
    </message>
    <message>
        <source>As colleagues read it</source>
        <translation>Como lo leen sus colegas</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Empty: signs in another way</source>
        <translation>Vacía: inicia sesión de otra forma</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Queues:</source>
        <translation>C&amp;olas:</translation>
    </message>
    <message>
        <source>First &amp;password:</source>
        <translation>Contraseña &amp;inicial:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Con&amp;firme la contraseña:</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>Las dos contraseñas no coinciden: escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>AdministrationPanel</name>
    <message>
        <source>Administration sections</source>
        <translation>Secciones de administración</translation>
    </message>
    <message>
        <source>Next administration section</source>
        <translation>Siguiente sección de administración</translation>
    </message>
    <message>
        <source>Previous administration section</source>
        <translation>Sección de administración anterior</translation>
    </message>
</context>
<context>
    <name>AlertMessages</name>
    <message>
        <source>%1 is not a dispatcher, supervisor or admin, who alone see the SLA alerts</source>
        <translation>%1 no es despachador, supervisor ni administrador, los únicos que ven las alertas de SLA</translation>
    </message>
    <message>
        <source>%1 is at risk of missing its due time</source>
        <translation>%1 está en riesgo de no cumplir su vencimiento</translation>
    </message>
    <message>
        <source>%1 is overdue</source>
        <translation>%1 está vencido</translation>
    </message>
    <message>
        <source>%1 is overdue by %2 business hours</source>
        <translation>%1 lleva %2 horas hábiles vencido</translation>
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
        <translation>Calendario %1</translation>
    </message>
    <message>
        <source>e.g. America/New_York</source>
        <translation>p. ej., America/Mexico_City</translation>
    </message>
    <message>
        <source>e.g. US; empty: no public holidays</source>
        <translation>p. ej., US; vacío: sin feriados</translation>
    </message>
    <message>
        <source>e.g. MA; optional</source>
        <translation>p. ej., MA; opcional</translation>
    </message>
    <message>
        <source>Works on %1</source>
        <translation>Trabaja el %1</translation>
    </message>
    <message>
        <source>&amp;Opens at:</source>
        <translation>&amp;Abre a las:</translation>
    </message>
    <message>
        <source>Opening time</source>
        <translation>Hora de apertura</translation>
    </message>
    <message>
        <source>&amp;Closes at:</source>
        <translation>&amp;Cierra a las:</translation>
    </message>
    <message>
        <source>Closing time</source>
        <translation>Hora de cierre</translation>
    </message>
    <message>
        <source>Working &amp;days:</source>
        <translation>&amp;Días hábiles:</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Días hábiles</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Public holidays of (&amp;country):</source>
        <translation>Feriados de (&amp;país):</translation>
    </message>
    <message>
        <source>Country whose public holidays the calendar keeps</source>
        <translation>País cuyos feriados sigue el calendario</translation>
    </message>
    <message>
        <source>… and (&amp;state):</source>
        <translation>… y (&amp;estado):</translation>
    </message>
    <message>
        <source>State or province whose public holidays the calendar keeps</source>
        <translation>Estado o provincia cuyos feriados sigue el calendario</translation>
    </message>
    <message>
        <source>Applies to cases opened from now on; open cases keep their due dates.</source>
        <translation>Se aplica a los casos abiertos de ahora en adelante; los casos ya abiertos conservan su vencimiento.</translation>
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
    <message>
        <source>The case&apos;s messages cannot be read: %1</source>
        <translation>No se pueden leer los mensajes del caso: %1</translation>
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
    <name>CaseRefusals</name>
    <message>
        <source>A request that is %1 cannot become %2.</source>
        <translation>Una solicitud en estado «%1» no puede pasar a «%2».</translation>
    </message>
    <message>
        <source>Resolving a request needs a closure reason.</source>
        <translation>Para resolver una solicitud hace falta un motivo de cierre.</translation>
    </message>
    <message>
        <source>%1 was changed by someone else</source>
        <translation>otra persona modificó %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>y %1 más</translation>
    </message>
    <message>
        <source>%1 of the %2 selected cases changed after you selected them: %3. Nothing was saved: look at them again, then retry.</source>
        <translation>%1 de los %2 casos seleccionados cambiaron después de que usted los seleccionó: %3. No se guardó nada: revíselos de nuevo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The case changed after you opened it: %1. Nothing was saved: look at it again, then retry.</source>
        <translation>El caso cambió después de que usted lo abrió: %1. No se guardó nada: revíselo de nuevo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1 was merged into %2 as its duplicate: work on %2 instead.</source>
        <translation>%1 se unió a %2 como duplicado: trabaje en %2.</translation>
    </message>
    <message>
        <source>%1 of the %2 selected cases cannot take this action, so none was changed: %3</source>
        <translation>%1 de los %2 casos seleccionados no admiten esta acción, así que no se modificó ninguno: %3</translation>
    </message>
    <message>
        <source>Say why you are reassigning: the reason goes into the case history.</source>
        <translation>Indique por qué reasigna: el motivo queda en el historial del caso.</translation>
    </message>
    <message>
        <source>Say why you are changing the priority: the reason goes into the case history.</source>
        <translation>Indique por qué cambia la prioridad: el motivo queda en el historial del caso.</translation>
    </message>
    <message>
        <source>Say why you are escalating: the reason goes into the case history.</source>
        <translation>Indique por qué escala: el motivo queda en el historial del caso.</translation>
    </message>
    <message>
        <source>Write the note first: an empty note is not added.</source>
        <translation>Escriba primero la nota: no se agregan notas vacías.</translation>
    </message>
    <message>
        <source>Another console changed these cases at the same moment; nothing was saved. Try again.</source>
        <translation>Otra consola modificó estos casos en el mismo momento; no se guardó nada. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Case %1 no longer exists: it was deleted after you opened it. Nothing was saved.</source>
        <translation>El caso %1 ya no existe: se eliminó después de que usted lo abrió. No se guardó nada.</translation>
    </message>
    <message>
        <source>%1 of the %2 selected cases (%3) no longer exist: they were deleted after you selected them. Nothing was saved.</source>
        <translation>%1 de los %2 casos seleccionados (%3) ya no existen: se eliminaron después de que usted los seleccionó. No se guardó nada.</translation>
    </message>
    <message>
        <source>The queue %1 is no longer active: choose another queue, team or crew.</source>
        <translation>La cola %1 ya no está activa: elija otra cola, equipo o cuadrilla.</translation>
    </message>
    <message>
        <source>The queue %1 does not exist: choose another queue, team or crew.</source>
        <translation>La cola %1 no existe: elija otra cola, equipo o cuadrilla.</translation>
    </message>
    <message>
        <source>%1 (%2) is no longer active staff: choose someone else.</source>
        <translation>%1 (%2) ya no forma parte del personal activo: elija a otra persona.</translation>
    </message>
    <message>
        <source>%1 is not active staff: choose someone else.</source>
        <translation>%1 no forma parte del personal activo: elija a otra persona.</translation>
    </message>
    <message>
        <source>Choose a closure reason (fixed, not the city&apos;s responsibility, ...): the resident is told why the request was closed.</source>
        <translation>Elija un motivo de cierre (reparado, no es responsabilidad de la ciudad, ...): al residente se le informa por qué se cerró la solicitud.</translation>
    </message>
    <message>
        <source>To close a case as a duplicate, mark it as a duplicate of the case it repeats: its callers then follow that case.</source>
        <translation>Para cerrar un caso como duplicado, márquelo como duplicado del caso que repite: así las personas que llamaron siguen ese caso.</translation>
    </message>
    <message>
        <source>%1 is %2: reopen it before re-routing it.</source>
        <translation>%1 está en estado «%2»: reábralo antes de reenrutarlo.</translation>
    </message>
    <message>
        <source>There is no category %1 on offer: choose another one for %2.</source>
        <translation>No se ofrece la categoría %1: elija otra para %2.</translation>
    </message>
    <message>
        <source>Routing sends %1 to %2, which is not an active queue: ask an administrator to correct the routing rules.</source>
        <translation>El enrutamiento envía %1 a %2, que no es una cola activa: pida a un administrador que corrija las reglas de enrutamiento.</translation>
    </message>
    <message>
        <source>%1 is %2: reopen it before reassigning it.</source>
        <translation>%1 está en estado «%2»: reábralo antes de reasignarlo.</translation>
    </message>
    <message>
        <source>%1 is %2: reopen it before changing its priority.</source>
        <translation>%1 está en estado «%2»: reábralo antes de cambiar su prioridad.</translation>
    </message>
    <message>
        <source>%1 is %2: reopen it before escalating it.</source>
        <translation>%1 está en estado «%2»: reábralo antes de escalarlo.</translation>
    </message>
    <message>
        <source>%1 is already %2: it was raised meanwhile, so it is not escalated again.</source>
        <translation>%1 ya tiene prioridad %2: alguien la subió mientras tanto, así que no se vuelve a escalar.</translation>
    </message>
    <message>
        <source>%1 is already %2: it cannot be escalated further.</source>
        <translation>%1 ya tiene prioridad %2: no se puede escalar más.</translation>
    </message>
    <message>
        <source>Say why %1 is reopened: the reason goes into its history.</source>
        <translation>Indique por qué se reabre %1: el motivo queda en su historial.</translation>
    </message>
    <message>
        <source>%1 has nobody to be assigned to: assign it to a team, a crew or a person instead.</source>
        <translation>%1 no tiene a quién quedar asignado: asígnelo a un equipo, una cuadrilla o una persona.</translation>
    </message>
    <message>
        <source>you can change only cases of %1</source>
        <translation>usted solo puede modificar casos de %1</translation>
    </message>
    <message>
        <source>you are in no department, so you can change only cases with no queue</source>
        <translation>usted no pertenece a ningún departamento, así que solo puede modificar casos sin cola</translation>
    </message>
    <message>
        <source>Case %1 belongs to %2; %3.</source>
        <translation>El caso %1 pertenece a %2; %3.</translation>
    </message>
    <message>
        <source>%1 of the %2 selected cases belongs to another department (%3), so none was changed: %4.</source>
        <translation>%1 de los %2 casos seleccionados pertenece a otro departamento (%3), así que no se modificó ninguno: %4.</translation>
    </message>
    <message>
        <source>%1 of the %2 selected cases belong to another department (%3), so none was changed: %4.</source>
        <translation>%1 de los %2 casos seleccionados pertenecen a otro departamento (%3), así que no se modificó ninguno: %4.</translation>
    </message>
    <message>
        <source>no department</source>
        <translation>ningún departamento</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 y %2 más</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>Assign to a queue, a person or both.</source>
        <translation>Asigne a una cola, a una persona o a ambas.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no queue</source>
        <translation>sin cola</translation>
    </message>
    <message>
        <source>The database refused to let your login change %1; nothing was saved.</source>
        <translation>La base de datos no permitió que su usuario modificara %1; no se guardó nada.</translation>
    </message>
    <message>
        <source>The database refused the change (%1); nothing was saved.</source>
        <translation>La base de datos rechazó el cambio (%1); no se guardó nada.</translation>
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
        <translation>Cambiar el rol de %1</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>Queue added</source>
        <translation>Cola agregada</translation>
    </message>
    <message>
        <source>Queue changed</source>
        <translation>Cola modificada</translation>
    </message>
    <message>
        <source>Team added</source>
        <translation>Equipo agregado</translation>
    </message>
    <message>
        <source>Routing rule added</source>
        <translation>Regla de enrutamiento agregada</translation>
    </message>
    <message>
        <source>Routing rule changed</source>
        <translation>Regla de enrutamiento modificada</translation>
    </message>
    <message>
        <source>Routing rule removed</source>
        <translation>Regla de enrutamiento eliminada</translation>
    </message>
    <message>
        <source>SLA policy added</source>
        <translation>Política de SLA agregada</translation>
    </message>
    <message>
        <source>SLA policy changed</source>
        <translation>Política de SLA modificada</translation>
    </message>
    <message>
        <source>Calendar changed</source>
        <translation>Calendario modificado</translation>
    </message>
    <message>
        <source>Closure declared</source>
        <translation>Cierre declarado</translation>
    </message>
    <message>
        <source>Closure removed</source>
        <translation>Cierre eliminado</translation>
    </message>
    <message>
        <source>City settings changed</source>
        <translation>Configuración de la ciudad modificada</translation>
    </message>
    <message>
        <source>City loaded</source>
        <translation>Ciudad cargada</translation>
    </message>
    <message>
        <source>History imported</source>
        <translation>Historial importado</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Every change to the configuration, from any console, a city load or an import; the newest first.</source>
        <translation>Cada cambio en la configuración, hecho desde cualquier consola, una carga de la ciudad o una importación; los más recientes primero.</translation>
    </message>
    <message>
        <source>Configuration changes</source>
        <translation>Cambios en la configuración</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Could not read the changes: %1</source>
        <translation>No se pudieron leer los cambios: %1</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Point at a bar or a point to read its value.</source>
        <translation>Apunte a una barra o a un punto para ver su valor.</translation>
    </message>
</context>
<context>
    <name>CityAdminProblems</name>
    <message>
        <source>Nothing to save: the settings are as they were.</source>
        <translation>No hay nada que guardar: la configuración está como estaba.</translation>
    </message>
    <message>
        <source>Someone else changed the city settings meanwhile (%1); nothing was saved. Save again to replace theirs with what you typed, or Revert to see theirs.</source>
        <translation>Otra persona cambió la configuración de la ciudad mientras tanto (%1); no se guardó nada. Guarde de nuevo para reemplazar sus cambios con lo que usted escribió, o pulse Revertir para ver los suyos.</translation>
    </message>
    <message>
        <source>Give the city a name, as the console&apos;s title shows it.</source>
        <translation>Escriba el nombre de la ciudad, tal como lo muestra el título de la consola.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>El nombre es demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>%1 is not a time zone: use a name such as America/Chicago.</source>
        <translation>%1 no es una zona horaria: use un nombre como America/Chicago.</translation>
    </message>
    <message>
        <source>An empty name</source>
        <translation>Un nombre vacío</translation>
    </message>
    <message>
        <source>%1 is not a telephone region: use a two-letter country code such as US.</source>
        <translation>%1 no es una región telefónica: use un código de país de dos letras, como US.</translation>
    </message>
    <message>
        <source>An empty code</source>
        <translation>Un código vacío</translation>
    </message>
    <message>
        <source>The reference prefix must be 2 to 5 letters, such as SPR.</source>
        <translation>El prefijo de los números de referencia debe tener de 2 a 5 letras, como SPR.</translation>
    </message>
    <message>
        <source>Give the map&apos;s centre as a latitude and a longitude, such as 39.78 and -89.65.</source>
        <translation>Indique el centro del mapa como latitud y longitud, por ejemplo 39.78 y -89.65.</translation>
    </message>
    <message>
        <source>Give the unknown-location point as a latitude and a longitude, such as 39.78 and -89.65.</source>
        <translation>Indique el punto de ubicación desconocida como latitud y longitud, por ejemplo 39.78 y -89.65.</translation>
    </message>
    <message>
        <source>Offer at least one language, such as en.</source>
        <translation>Ofrezca al menos un idioma, como en.</translation>
    </message>
    <message>
        <source>%1 is not a language code: use codes such as en, es, zh-Hant.</source>
        <translation>%1 no es un código de idioma: use códigos como en, es, zh-Hant.</translation>
    </message>
    <message>
        <source>A language is listed twice.</source>
        <translation>Hay un idioma repetido en la lista.</translation>
    </message>
    <message>
        <source>Too many languages for one list.</source>
        <translation>Son demasiados idiomas para una sola lista.</translation>
    </message>
    <message>
        <source>The zoom must be a whole number from 1 to 20.</source>
        <translation>El zoom debe ser un número entero del 1 al 20.</translation>
    </message>
    <message>
        <source>A latitude is between -90 and 90.</source>
        <translation>La latitud va de -90 a 90.</translation>
    </message>
    <message>
        <source>A longitude is between -180 and 180.</source>
        <translation>La longitud va de -180 a 180.</translation>
    </message>
</context>
<context>
    <name>CityAdminWords</name>
    <message>
        <source>%1 New requests get references starting %2-; existing references keep %3-.</source>
        <translation>%1 Las solicitudes nuevas reciben números de referencia que empiezan por %2-; los existentes conservan %3-.</translation>
    </message>
    <message>
        <source>City settings: %1.</source>
        <translation>Configuración de la ciudad: %1.</translation>
    </message>
    <message>
        <source>changed them</source>
        <translation>la cambió</translation>
    </message>
    <message>
        <source>name %1 → %2</source>
        <translation>nombre %1 → %2</translation>
    </message>
    <message>
        <source>time zone %1 → %2</source>
        <translation>zona horaria %1 → %2</translation>
    </message>
    <message>
        <source>phone region %1 → %2</source>
        <translation>región telefónica %1 → %2</translation>
    </message>
    <message>
        <source>reference prefix %1 → %2</source>
        <translation>prefijo de referencia %1 → %2</translation>
    </message>
    <message>
        <source>map zoom %1 → %2</source>
        <translation>zoom del mapa %1 → %2</translation>
    </message>
    <message>
        <source>languages %1 → %2</source>
        <translation>idiomas %1 → %2</translation>
    </message>
    <message>
        <source>map centre %1 → %2</source>
        <translation>centro del mapa %1 → %2</translation>
    </message>
    <message>
        <source>unknown location %1 → %2</source>
        <translation>ubicación desconocida %1 → %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>CityPage</name>
    <message>
        <source>The map cannot show the districts: %1</source>
        <translation>El mapa no puede mostrar los distritos: %1</translation>
    </message>
    <message>
        <source>City settings</source>
        <translation>Configuración de la ciudad</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>City name</source>
        <translation>Nombre de la ciudad</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>Zona &amp;horaria:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>&amp;Phone region:</source>
        <translation>Región &amp;telefónica:</translation>
    </message>
    <message>
        <source>Phone region</source>
        <translation>Región telefónica</translation>
    </message>
    <message>
        <source>&amp;Reference prefix:</source>
        <translation>&amp;Prefijo de referencia:</translation>
    </message>
    <message>
        <source>Reference prefix</source>
        <translation>Prefijo de referencia</translation>
    </message>
    <message>
        <source>Only new requests take a new prefix; existing references keep theirs.</source>
        <translation>Solo las solicitudes nuevas llevan el prefijo nuevo; los números de referencia existentes conservan el suyo.</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Idiomas:</translation>
    </message>
    <message>
        <source>Languages offered</source>
        <translation>Idiomas ofrecidos</translation>
    </message>
    <message>
        <source>Codes separated by commas, the default first.</source>
        <translation>Códigos separados por comas, el predeterminado primero.</translation>
    </message>
    <message>
        <source>&amp;Map centre:</source>
        <translation>Centro del &amp;mapa:</translation>
    </message>
    <message>
        <source>Map centre</source>
        <translation>Centro del mapa</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>Map zoom</source>
        <translation>Zoom del mapa</translation>
    </message>
    <message>
        <source>1 to 20</source>
        <translation>De 1 a 20</translation>
    </message>
    <message>
        <source>&amp;Unknown location:</source>
        <translation>&amp;Ubicación desconocida:</translation>
    </message>
    <message>
        <source>Unknown location</source>
        <translation>Ubicación desconocida</translation>
    </message>
    <message>
        <source>Where the old system put requests with no location; empty: none.</source>
        <translation>Donde el sistema anterior ponía las solicitudes sin ubicación; vacío: ninguna.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Revertir</translation>
    </message>
    <message>
        <source>A click sets the map &amp;centre</source>
        <translation>Un clic fija el &amp;centro del mapa</translation>
    </message>
    <message>
        <source>A click sets the unknown &amp;location</source>
        <translation>Un clic fija la ubicación &amp;desconocida</translation>
    </message>
    <message>
        <source>Save the city settings</source>
        <translation>Guardar la configuración de la ciudad</translation>
    </message>
    <message>
        <source>%1, latitude</source>
        <translation>%1, latitud</translation>
    </message>
    <message>
        <source>%1, longitude</source>
        <translation>%1, longitud</translation>
    </message>
    <message>
        <source>Latitude, then longitude</source>
        <translation>Latitud y luego longitud</translation>
    </message>
    <message>
        <source>Could not read the city settings: %1</source>
        <translation>No se pudo leer la configuración de la ciudad: %1</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>No se guardó nada: %1</translation>
    </message>
    <message>
        <source>The city settings were changed at another console; Revert shows them (what you typed here is not saved yet).</source>
        <translation>La configuración de la ciudad se cambió en otra consola; Revertir la muestra (lo que escribió aquí todavía no se ha guardado).</translation>
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
        <translation>Declarar un día de cierre (calendario %1)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, e.g. 2026-02-09</source>
        <translation>AAAA-MM-DD, p. ej., 2026-02-09</translation>
    </message>
    <message>
        <source>e.g. Snow emergency</source>
        <translation>p. ej., Emergencia por nevada</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <source>Day to close</source>
        <translation>Día de cierre</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Why the city is closed</source>
        <translation>Por qué cierra la ciudad</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>No open case will be due later. Press Declare closed to confirm.</source>
        <translation>Ningún caso abierto vencerá más tarde. Presione Declarar cerrado para confirmar.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open case(s) will be due later. Press Declare closed to confirm.</source>
        <translation>
            <numerusform>%Ln caso abierto vencerá más tarde. Presione Declarar cerrado para confirmar.</numerusform>
            <numerusform>%Ln casos abiertos vencerán más tarde. Presione Declarar cerrado para confirmar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moving due dates…</source>
        <translation>Moviendo vencimientos…</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>&amp;Declare closed</source>
        <translation>Declarar ce&amp;rrado</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Requests created by day</source>
        <translation>Solicitudes creadas por día</translation>
    </message>
    <message>
        <source>Open backlog at the end of each day</source>
        <translation>Solicitudes abiertas al final de cada día</translation>
    </message>
    <message>
        <source>SLA compliance by queue (most requests first)</source>
        <translation>Cumplimiento del SLA por cola (primero las de más solicitudes)</translation>
    </message>
    <message>
        <source>Hours to resolve by queue: median and 90th percentile</source>
        <translation>Horas hasta resolver por cola: mediana y percentil 90</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>solicitudes</translation>
    </message>
    <message>
        <source>open requests</source>
        <translation>solicitudes abiertas</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>a tiempo</translation>
    </message>
    <message>
        <source>late</source>
        <translation>tarde</translation>
    </message>
    <message>
        <source>open and overdue</source>
        <translation>abiertas y vencidas</translation>
    </message>
    <message>
        <source>requests with an SLA</source>
        <translation>solicitudes con SLA</translation>
    </message>
    <message>
        <source>intake to resolve, median</source>
        <translation>de recepción a resolución, mediana</translation>
    </message>
    <message>
        <source>intake to resolve, 90th percentile</source>
        <translation>de recepción a resolución, percentil 90</translation>
    </message>
    <message>
        <source>assign to resolve, median</source>
        <translation>de asignación a resolución, mediana</translation>
    </message>
    <message>
        <source>assign to resolve, 90th percentile</source>
        <translation>de asignación a resolución, percentil 90</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>intake to resolve: median</source>
        <translation>de recepción a resolución: mediana</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>percentil 90</translation>
    </message>
    <message>
        <source>assign to resolve: median</source>
        <translation>de asignación a resolución: mediana</translation>
    </message>
    <message>
        <source>%1: %2 requests created</source>
        <translation>%1: %2 solicitudes creadas</translation>
    </message>
    <message>
        <source>%1: %2 open at the end of the day</source>
        <translation>%1: %2 abiertas al final del día</translation>
    </message>
    <message>
        <source>(no case of these queues records when it was assigned)</source>
        <translation>(ningún caso de estas colas registra cuándo se asignó)</translation>
    </message>
    <message>
        <source>%1: %2 on time, %3 late, %4 open and overdue (on time %5)</source>
        <translation>%1: %2 a tiempo, %3 tarde, %4 abiertas y vencidas (a tiempo: %5)</translation>
    </message>
    <message>
        <source>%1: intake to resolve median %2 h, 90th percentile %3 h; assign to resolve median %4 h, 90th percentile %5 h</source>
        <translation>%1: de recepción a resolución, mediana %2 h, percentil 90 %3 h; de asignación a resolución, mediana %4 h, percentil 90 %5 h</translation>
    </message>
    <message>
        <source>Requests created on %1</source>
        <translation>Solicitudes creadas el %1</translation>
    </message>
    <message>
        <source>Requests open at the end of %1</source>
        <translation>Solicitudes abiertas al final del %1</translation>
    </message>
    <message>
        <source>On time in %1</source>
        <translation>A tiempo en %1</translation>
    </message>
    <message>
        <source>Late in %1</source>
        <translation>Tarde en %1</translation>
    </message>
    <message>
        <source>Open and overdue in %1</source>
        <translation>Abiertas y vencidas en %1</translation>
    </message>
    <message>
        <source>Requests of %1</source>
        <translation>Solicitudes de %1</translation>
    </message>
</context>
<context>
    <name>DashboardFilterBar</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Último %n día</numerusform>
            <numerusform>Últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Este año</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>El año pasado</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Fechas elegidas</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Periodo desde</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Periodo hasta</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periodo</translation>
    </message>
    <message>
        <source>from</source>
        <translation>del</translation>
    </message>
    <message>
        <source>to</source>
        <translation>al</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Todos los departamentos</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Todas las colas</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Todos los distritos</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Todos los canales</translation>
    </message>
    <message>
        <source>District layer for equity</source>
        <translation>Capa de distritos para la equidad</translation>
    </message>
    <message>
        <source>&amp;Equity by</source>
        <translation>&amp;Equidad por</translation>
    </message>
    <message>
        <source>Period: %1 to %2 (%3)</source>
        <translation>Periodo: del %1 al %2 (%3)</translation>
    </message>
    <message>
        <source>none (every request)</source>
        <translation>ninguno (todas las solicitudes)</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filtros: %1</translation>
    </message>
    <message>
        <source>Equity by: %1</source>
        <translation>Equidad por: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Char&amp;ts</source>
        <translation>&amp;Gráficos</translation>
    </message>
    <message>
        <source>E&amp;quity by district</source>
        <translation>E&amp;quidad por distrito</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Every table as CSV files</source>
        <translation>Todas las tablas como archivos CSV</translation>
    </message>
    <message>
        <source>XLSX…</source>
        <translation>XLSX…</translation>
    </message>
    <message>
        <source>Every table in a workbook</source>
        <translation>Todas las tablas en un libro de Excel</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>The dashboard as a picture</source>
        <translation>El tablero como imagen</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>The dashboard on paper</source>
        <translation>El tablero para imprimir</translation>
    </message>
    <message>
        <source>The city has no districts to compare.</source>
        <translation>La ciudad no tiene distritos para comparar.</translation>
    </message>
    <message>
        <source>The dashboard&apos;s figures cannot be read: %1</source>
        <translation>No se pueden leer las cifras del tablero: %1</translation>
    </message>
    <message>
        <source>The cases cannot be listed: %1</source>
        <translation>No se pueden listar los casos: %1</translation>
    </message>
    <message>
        <source>Requests in %1</source>
        <translation>Solicitudes en %1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tablero</translation>
    </message>
    <message>
        <source>Equity by district</source>
        <translation>Equidad por distrito</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>No se exportó: %1</translation>
    </message>
    <message>
        <source>Export the tables as CSV to</source>
        <translation>Exportar las tablas como CSV a</translation>
    </message>
    <message>
        <source>Export the tables</source>
        <translation>Exportar las tablas</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Libros de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the dashboard</source>
        <translation>Guardar el tablero</translation>
    </message>
    <message>
        <source>Pictures (*.png)</source>
        <translation>Imágenes (*.png)</translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation>Imprimir el tablero</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The map cannot show the city&apos;s districts: %1</source>
        <translation>El mapa no puede mostrar los distritos de la ciudad: %1</translation>
    </message>
</context>
<context>
    <name>DashboardRefusals</name>
    <message>
        <source>%1 is %2: only supervisors and admins see the dashboard</source>
        <translation>%1 es %2: solo supervisores y administradores ven el tablero</translation>
    </message>
</context>
<context>
    <name>DashboardTables</name>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>small: few cases</source>
        <translation>pequeño: pocos casos</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>On-time share</source>
        <translation>Proporción a tiempo</translation>
    </message>
    <message>
        <source>Median intake to resolve</source>
        <translation>Mediana de recepción a resolución</translation>
    </message>
    <message>
        <source>Median intake to assign</source>
        <translation>Mediana de recepción a asignación</translation>
    </message>
    <message>
        <source>Median assign to resolve</source>
        <translation>Mediana de asignación a resolución</translation>
    </message>
    <message>
        <source>Reopen rate</source>
        <translation>Tasa de reapertura</translation>
    </message>
    <message>
        <source>Repeat calls</source>
        <translation>Llamadas repetidas</translation>
    </message>
    <message>
        <source>Closed as duplicates</source>
        <translation>Cerrados como duplicados</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Requests created</source>
        <translation>Solicitudes creadas</translation>
    </message>
    <message>
        <source>Open at end of day</source>
        <translation>Abiertas al final del día</translation>
    </message>
    <message>
        <source>Volume by day</source>
        <translation>Volumen por día</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Tarde</translation>
    </message>
    <message>
        <source>Open and overdue</source>
        <translation>Abiertos y vencidos</translation>
    </message>
    <message>
        <source>On time (%)</source>
        <translation>A tiempo (%)</translation>
    </message>
    <message>
        <source>SLA compliance by queue</source>
        <translation>Cumplimiento del SLA por cola</translation>
    </message>
    <message>
        <source>median (h)</source>
        <translation>mediana (h)</translation>
    </message>
    <message>
        <source>90th percentile (h)</source>
        <translation>percentil 90 (h)</translation>
    </message>
    <message>
        <source>Intake to assign: cases</source>
        <translation>Recepción a asignación: casos</translation>
    </message>
    <message>
        <source>Assign to resolve: cases</source>
        <translation>Asignación a resolución: casos</translation>
    </message>
    <message>
        <source>Intake to resolve: cases</source>
        <translation>Recepción a resolución: casos</translation>
    </message>
    <message>
        <source>Time to assign and resolve by queue</source>
        <translation>Tiempo de asignación y resolución por cola</translation>
    </message>
    <message>
        <source>%1 (%)</source>
        <translation>%1 (%)</translation>
    </message>
    <message>
        <source>City (%)</source>
        <translation>Ciudad (%)</translation>
    </message>
    <message>
        <source>Gap (%)</source>
        <translation>Diferencia (%)</translation>
    </message>
    <message>
        <source>%1 (h)</source>
        <translation>%1 (h)</translation>
    </message>
    <message>
        <source>City (h)</source>
        <translation>Ciudad (h)</translation>
    </message>
    <message>
        <source>Gap (h)</source>
        <translation>Diferencia (h)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>Intervalo del 95 %</translation>
    </message>
    <message>
        <source>Larger than chance</source>
        <translation>Mayor que el azar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>%1 requests, %2 resolved; on time %3; median intake to resolve %4</source>
        <translation>%1 solicitudes, %2 resueltas; a tiempo %3; mediana de recepción a resolución %4</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
</context>
<context>
    <name>DatabaseProblems</name>
    <message>
        <source>This database has no city settings (name, time zone, phone region) yet. An administrator loads them; for a trial, `operator-console db seed-demo` loads the demo city into an empty database.</source>
        <translation>Esta base de datos aún no tiene la configuración de la ciudad (nombre, zona horaria, región telefónica). Un administrador la carga; para una prueba, `operator-console db seed-demo` carga la ciudad de demostración en una base de datos vacía.</translation>
    </message>
    <message>
        <source>The database does not answer (%1); nothing was saved. Try again.</source>
        <translation>La base de datos no responde (%1); no se guardó nada. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database refused this (%1).</source>
        <translation>La base de datos lo rechazó (%1).</translation>
    </message>
</context>
<context>
    <name>DrillList</name>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
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
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Click a bar, a point or a district to list its cases.</source>
        <translation>Haga clic en una barra, un punto o un distrito para ver sus casos.</translation>
    </message>
    <message>
        <source>Cases behind the chosen figure</source>
        <translation>Casos detrás de la cifra elegida</translation>
    </message>
    <message>
        <source>%1: %2 cases, the newest %3 listed</source>
        <translation>%1: %2 casos; se muestran los %3 más recientes</translation>
    </message>
    <message>
        <source>%1: %2 cases</source>
        <translation>%1: %2 casos</translation>
    </message>
</context>
<context>
    <name>DuplicateReasons</name>
    <message>
        <source>%1 m away</source>
        <translation>a %1 m</translation>
    </message>
    <message>
        <source>same category</source>
        <translation>misma categoría</translation>
    </message>
    <message>
        <source>same group (%1)</source>
        <translation>mismo grupo (%1)</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>misma dirección</translation>
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
        <source>%1 callers</source>
        <translation>%1 personas</translation>
    </message>
</context>
<context>
    <name>DuplicateRefusals</name>
    <message>
        <source>Request %1 does not exist.</source>
        <translation>La solicitud %1 no existe.</translation>
    </message>
    <message>
        <source>closed as a duplicate of %1</source>
        <translation>cerrada como duplicado de %1</translation>
    </message>
    <message>
        <source>%1 caller</source>
        <translation>%1 persona que llamó</translation>
    </message>
    <message>
        <source>%1 callers</source>
        <translation>%1 personas que llamaron</translation>
    </message>
    <message>
        <source>%1 changed since it was shown (version %2, now %3): it is %4 with %5. Look at it again before going on.</source>
        <translation>%1 cambió desde que se mostró (versión %2, ahora %3): está en estado «%4» con %5. Revísela de nuevo antes de continuar.</translation>
    </message>
    <message>
        <source>%1 changed since it was shown (version %2, now %3): it is %4 with %5; latest: %6. Look at it again before going on.</source>
        <translation>%1 cambió desde que se mostró (versión %2, ahora %3): está en estado «%4» con %5; lo último: %6. Revísela de nuevo antes de continuar.</translation>
    </message>
    <message>
        <source>status %1 → %2</source>
        <translation>estado %1 → %2</translation>
    </message>
    <message>
        <source>callers %1 → %2</source>
        <translation>personas %1 → %2</translation>
    </message>
    <message>
        <source>it was edited</source>
        <translation>se editó</translation>
    </message>
    <message>
        <source>A request cannot be a duplicate of itself.</source>
        <translation>Una solicitud no puede ser duplicado de sí misma.</translation>
    </message>
    <message>
        <source>%1 was closed as a duplicate of %2: add the caller to %2.</source>
        <translation>%1 se cerró como duplicado de %2: agregue a la persona que llama a %2.</translation>
    </message>
    <message>
        <source>%1 is already a duplicate of %2.</source>
        <translation>%1 ya es duplicado de %2.</translation>
    </message>
    <message>
        <source>%1 is already a duplicate of %2: marking %2 a duplicate of it would make a loop.</source>
        <translation>%1 ya es duplicado de %2: marcar %2 como duplicado de esa solicitud formaría un ciclo.</translation>
    </message>
    <message>
        <source>%1 is itself a duplicate of %2: link to %2 instead.</source>
        <translation>%1 es a su vez duplicado de %2: vincule con %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EquityMap</name>
    <message>
        <source>much better than the city</source>
        <translation>mucho mejor que la ciudad</translation>
    </message>
    <message>
        <source>better than the city</source>
        <translation>mejor que la ciudad</translation>
    </message>
    <message>
        <source>about the same as the city</source>
        <translation>similar a la ciudad</translation>
    </message>
    <message>
        <source>worse than the city</source>
        <translation>peor que la ciudad</translation>
    </message>
    <message>
        <source>much worse than the city</source>
        <translation>mucho peor que la ciudad</translation>
    </message>
    <message>
        <source>no figure</source>
        <translation>sin cifra</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2; %3 %4 (city %5), %6 cases</source>
        <translation>%1: %2; %3 %4 (ciudad: %5), %6 casos</translation>
    </message>
    <message>
        <source>%1: %2; %3 %4 (city %5), %6 cases, few cases</source>
        <translation>%1: %2; %3 %4 (ciudad: %5), %6 casos, pocos casos</translation>
    </message>
</context>
<context>
    <name>EquityPanel</name>
    <message>
        <source>C&amp;ompare</source>
        <translation>C&amp;omparar</translation>
    </message>
    <message>
        <source>Districts against the city</source>
        <translation>Distritos frente a la ciudad</translation>
    </message>
    <message>
        <source>Colour by the gap to the city; a gap within chance is &apos;about the same&apos;. Hover over a district for its figure; click it for its cases.</source>
        <translation>Color según la diferencia con la ciudad; una diferencia que puede deberse al azar cuenta como «similar». Pase el puntero sobre un distrito para ver su cifra; haga clic para ver sus casos.</translation>
    </message>
</context>
<context>
    <name>EscalationRuleProblems</name>
    <message>
        <source>an &apos;overdue_by&apos; rule needs a positive number of business hours</source>
        <translation>una regla &apos;overdue_by&apos; necesita un número positivo de horas hábiles</translation>
    </message>
    <message>
        <source>a &apos;move_queue&apos; rule needs the queue to move the case to</source>
        <translation>una regla &apos;move_queue&apos; necesita la cola a la que se mueve el caso</translation>
    </message>
    <message>
        <source>no SLA policy has the code %1</source>
        <translation>ninguna política de SLA tiene el código %1</translation>
    </message>
    <message>
        <source>no queue has the code %1</source>
        <translation>ninguna cola tiene el código %1</translation>
    </message>
    <message>
        <source>the rule cannot be saved: %1</source>
        <translation>no se puede guardar la regla: %1</translation>
    </message>
    <message>
        <source>there is no escalation rule %1</source>
        <translation>no existe la regla de escalamiento %1</translation>
    </message>
</context>
<context>
    <name>EscalationRuleWords</name>
    <message>
        <source>at risk</source>
        <translation>en riesgo</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>vencido</translation>
    </message>
    <message>
        <source>notify</source>
        <translation>avisar</translation>
    </message>
    <message>
        <source>raise the priority</source>
        <translation>subir la prioridad</translation>
    </message>
    <message>
        <source>overdue by %1 business hours</source>
        <translation>vencido hace %1 horas hábiles</translation>
    </message>
    <message>
        <source>move to %1</source>
        <translation>mover a %1</translation>
    </message>
    <message>
        <source>policy %1</source>
        <translation>política %1</translation>
    </message>
    <message>
        <source>every policy</source>
        <translation>todas las políticas</translation>
    </message>
    <message>
        <source>Escalation rule %1 added: %2.</source>
        <translation>Se agregó la regla de escalamiento %1: %2.</translation>
    </message>
    <message>
        <source>Escalation rule %1 changed: %2.</source>
        <translation>Se cambió la regla de escalamiento %1: %2.</translation>
    </message>
    <message>
        <source>Escalation rule %1 is active again.</source>
        <translation>La regla de escalamiento %1 está activa de nuevo.</translation>
    </message>
    <message>
        <source>Escalation rule %1 is inactive: it fires no more (what it fired stays).</source>
        <translation>La regla de escalamiento %1 está inactiva: ya no se dispara (lo que ya hizo se mantiene).</translation>
    </message>
</context>
<context>
    <name>EscalationRulesPage</name>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Overdue by %1 business hours</source>
        <translation>Con %1 horas hábiles de retraso</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Notificar</translation>
    </message>
    <message>
        <source>Raise the priority</source>
        <translation>Subir la prioridad</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Mover a %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>Política de SLA</translation>
    </message>
    <message>
        <source>When a case is</source>
        <translation>Cuando el caso está</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Entonces</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Cases fired on</source>
        <translation>Casos afectados</translation>
    </message>
    <message>
        <source>Every policy</source>
        <translation>Todas las políticas</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Escalation rules</source>
        <translation>Reglas de escalamiento</translation>
    </message>
    <message>
        <source>What the SLA clock does when an open case crosses a line: each rule fires once per case, with a history event and an alert for the case&apos;s department.</source>
        <translation>Lo que hace el reloj del SLA cuando un caso abierto cruza un umbral: cada regla se aplica una vez por caso, con un evento en el historial y una alerta para el departamento del caso.</translation>
    </message>
    <message>
        <source>&amp;Add rule…</source>
        <translation>&amp;Agregar regla…</translation>
    </message>
    <message>
        <source>&amp;Change rule…</source>
        <translation>&amp;Cambiar regla…</translation>
    </message>
    <message>
        <source>Make &amp;inactive</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Add an escalation rule</source>
        <translation>Agregar una regla de escalamiento</translation>
    </message>
    <message>
        <source>Make the selected rule inactive, or active</source>
        <translation>Desactivar o activar la regla seleccionada</translation>
    </message>
    <message>
        <source>Change the selected rule</source>
        <translation>Cambiar la regla seleccionada</translation>
    </message>
    <message>
        <source>Make the selected rule inactive, or active again</source>
        <translation>Desactivar la regla seleccionada, o volver a activarla</translation>
    </message>
    <message>
        <source>Could not read the escalation rules: %1</source>
        <translation>No se pudieron leer las reglas de escalamiento: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
    <message>
        <source>Make &amp;active</source>
        <translation>Ac&amp;tivar</translation>
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
        <source>%1 moved its due date</source>
        <translation>%1 cambió su fecha de vencimiento</translation>
    </message>
    <message>
        <source>%1 took a status call</source>
        <translation>%1 atendió una llamada de seguimiento</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3</source>
        <translation>%1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1; then %2</source>
        <translation>%1; luego %2</translation>
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
        <source>Other</source>
        <translation>Otro</translation>
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
    <name>IntakeProblems</name>
    <message>
        <source>“%1” starts with a country code that does not exist.</source>
        <translation>“%1” empieza con un código de país que no existe.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>“%1” no es un número de teléfono.</translation>
    </message>
    <message>
        <source>“%1” is too short to be a phone number.</source>
        <translation>“%1” es demasiado corto para ser un número de teléfono.</translation>
    </message>
    <message>
        <source>“%1” is too long to be a phone number.</source>
        <translation>“%1” es demasiado largo para ser un número de teléfono.</translation>
    </message>
    <message>
        <source>“%1” is too short after the international prefix.</source>
        <translation>“%1” es demasiado corto después del prefijo internacional.</translation>
    </message>
    <message>
        <source>“%1” does not have the right number of digits.</source>
        <translation>“%1” no tiene la cantidad correcta de dígitos.</translation>
    </message>
    <message>
        <source>“%1” needs its area code.</source>
        <translation>A “%1” le falta el código de área.</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>Ingrese un número de teléfono.</translation>
    </message>
    <message>
        <source>“%1” is not a valid %2 number.</source>
        <translation>“%1” no es un número válido de %2.</translation>
    </message>
    <message>
        <source>“%1” is not an email address.</source>
        <translation>“%1” no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>A text message needs the caller&apos;s phone number: enter it, or reply by e-mail.</source>
        <translation>Para enviar un mensaje de texto hace falta el teléfono de la persona que llama: ingréselo o responda por correo electrónico.</translation>
    </message>
    <message>
        <source>The pin needs both a latitude and a longitude.</source>
        <translation>El marcador necesita latitud y longitud.</translation>
    </message>
    <message>
        <source>Place a pin on the map or enter an address.</source>
        <translation>Coloque un marcador en el mapa o ingrese una dirección.</translation>
    </message>
    <message>
        <source>The pin is not on the map; place it again.</source>
        <translation>El marcador no está en el mapa; colóquelo de nuevo.</translation>
    </message>
    <message>
        <source>The pin is outside every district; if it is right, the default queue gets it.</source>
        <translation>El marcador está fuera de todos los distritos; si es correcto, la solicitud va a la cola predeterminada.</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>Elija un servicio.</translation>
    </message>
    <message>
        <source>“%1” is not a service in the catalog.</source>
        <translation>“%1” no es un servicio del catálogo.</translation>
    </message>
    <message>
        <source>The description is %1 characters; the limit is %2.</source>
        <translation>La descripción tiene %1 caracteres; el límite es %2.</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>Adjunto %1</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
    <message>
        <source>%1 is %2; the limit is %3.</source>
        <translation>%1 pesa %2; el límite es %3.</translation>
    </message>
    <message>
        <source>%1 is not a photo (%2).</source>
        <translation>%1 no es una foto (%2).</translation>
    </message>
    <message>
        <source>This question needs an answer.</source>
        <translation>Esta pregunta necesita una respuesta.</translation>
    </message>
    <message>
        <source>Enter text.</source>
        <translation>Ingrese texto.</translation>
    </message>
    <message>
        <source>Use at most %1 characters; this has %2.</source>
        <translation>Use como máximo %1 caracteres; esta respuesta tiene %2.</translation>
    </message>
    <message>
        <source>Keep this answer on one line.</source>
        <translation>Escriba esta respuesta en una sola línea.</translation>
    </message>
    <message>
        <source>Enter a number, such as 12 or 3.5.</source>
        <translation>Ingrese un número, como 12 o 3.5.</translation>
    </message>
    <message>
        <source>Enter a date and time, such as 2026-04-20T14:30-04:00.</source>
        <translation>Ingrese una fecha y hora, como 2026-04-20T14:30-04:00.</translation>
    </message>
    <message>
        <source>Choose one of the listed options.</source>
        <translation>Elija una de las opciones de la lista.</translation>
    </message>
    <message>
        <source>Choose from the listed options.</source>
        <translation>Elija entre las opciones de la lista.</translation>
    </message>
    <message>
        <source>Not one of the options: %1.</source>
        <translation>No está entre las opciones: %1.</translation>
    </message>
    <message>
        <source>not a saved draft: %1</source>
        <translation>no es un borrador guardado: %1</translation>
    </message>
    <message>
        <source>not a saved draft: the category search is not text</source>
        <translation>no es un borrador guardado: la búsqueda de categoría no es texto</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <source>SQLite database: no sign-in, anyone can act as anyone</source>
        <translation>Base SQLite: sin inicio de sesión, cualquiera actúa como otro</translation>
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
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>A JavaScript library for interactive maps</source>
        <translation>Una biblioteca de JavaScript para mapas interactivos</translation>
    </message>
    <message>
        <source>Tiles</source>
        <translation>Teselas</translation>
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
    <message>
        <source>English</source>
        <translation>inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>español</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
</context>
<context>
    <name>MessagesPanel</name>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Every channel</source>
        <translation>Todos los canales</translation>
    </message>
    <message>
        <source>Case reference or address…</source>
        <translation>Número de referencia o dirección…</translation>
    </message>
    <message>
        <source>Correct and send a&amp;gain…</source>
        <translation>Corre&amp;gir y reenviar…</translation>
    </message>
    <message>
        <source>Correct the address of the chosen message and send it again</source>
        <translation>Corregir la dirección del mensaje elegido y enviarlo de nuevo</translation>
    </message>
    <message>
        <source>Messages to residents</source>
        <translation>Mensajes a residentes</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>Ca&amp;nal:</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Go to the status filter</source>
        <translation>Ir al filtro de estado</translation>
    </message>
    <message>
        <source>Go to the channel filter</source>
        <translation>Ir al filtro de canal</translation>
    </message>
    <message>
        <source>Find messages by case reference or address</source>
        <translation>Buscar mensajes por número de referencia o dirección</translation>
    </message>
    <message>
        <source>Open the case the chosen message is about</source>
        <translation>Abrir el caso del mensaje elegido</translation>
    </message>
    <message>
        <source>Correct the chosen message&apos;s address, send again</source>
        <translation>Corregir la dirección del mensaje elegido y reenviarlo</translation>
    </message>
    <message>
        <source>The message about %1 will be sent again, to %2.</source>
        <translation>El mensaje sobre %1 se enviará de nuevo a %2.</translation>
    </message>
    <message>
        <source>The caller&apos;s own address was left as it was: your role may not change it.</source>
        <translation>La dirección de la persona que llama quedó como estaba: su rol no permite cambiarla.</translation>
    </message>
    <message>
        <source>No message matches these choices.</source>
        <translation>Ningún mensaje coincide con estos filtros.</translation>
    </message>
    <message>
        <source>The newest %1 messages are shown; choose a status or find a case for the others.</source>
        <translation>Se muestran los %1 mensajes más recientes; elija un estado o busque un caso para ver los demás.</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Todos (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>a %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>enviado el %1</translation>
    </message>
    <message>
        <source>re-sent by %1 at %2</source>
        <translation>reenviado por %1 el %2</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Asunto: %1</translation>
    </message>
    <message>
        <source>The messages cannot be read: %1</source>
        <translation>No se pueden leer los mensajes: %1</translation>
    </message>
    <message>
        <source>The messages could not be handed on: %1</source>
        <translation>No se pudieron enviar los mensajes: %1</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Departamento:</translation>
    </message>
    <message>
        <source>Department to move it to</source>
        <translation>Departamento al que se mueve</translation>
    </message>
    <message>
        <source>Its %1 team(s) and crew(s) move with it.</source>
        <translation>Sus equipos y cuadrillas (%1) se mueven con ella.</translation>
    </message>
    <message>
        <source>&amp;Works for:</source>
        <translation>&amp;Depende de:</translation>
    </message>
    <message>
        <source>Queue to move it under</source>
        <translation>Cola de la que pasa a depender</translation>
    </message>
</context>
<context>
    <name>MyCasesModel</name>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
</context>
<context>
    <name>MyCasesSection</name>
    <message>
        <source>My open cases</source>
        <translation>Mis casos abiertos</translation>
    </message>
    <message>
        <source>My resolved and closed cases</source>
        <translation>Mis casos resueltos y cerrados</translation>
    </message>
    <message>
        <source>No open case is assigned to you.</source>
        <translation>No tiene casos abiertos asignados.</translation>
    </message>
    <message>
        <source>None resolved or closed yet.</source>
        <translation>Todavía no tiene casos resueltos ni cerrados.</translation>
    </message>
    <message>
        <source>&lt;b&gt;My &amp;open cases&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mis casos abiert&amp;os&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Resolved and c&amp;losed</source>
        <translation>Resue&amp;ltos y cerrados</translation>
    </message>
    <message>
        <source>You are not on the staff list, so no case can be assigned to you.</source>
        <translation>Usted no figura en la lista de personal, así que no se le pueden asignar casos.</translation>
    </message>
    <message>
        <source>Could not read your cases: %1</source>
        <translation>No se pudieron leer sus casos: %1</translation>
    </message>
</context>
<context>
    <name>PermissionRefusals</name>
    <message>
        <source>submit new requests</source>
        <translation>registrar solicitudes nuevas</translation>
    </message>
    <message>
        <source>add a caller to an existing request</source>
        <translation>agregar a una persona que llama a una solicitud existente</translation>
    </message>
    <message>
        <source>add notes</source>
        <translation>agregar notas</translation>
    </message>
    <message>
        <source>assign or reassign cases</source>
        <translation>asignar o reasignar casos</translation>
    </message>
    <message>
        <source>move cases through the field states</source>
        <translation>hacer avanzar los casos por los estados de campo</translation>
    </message>
    <message>
        <source>change a case&apos;s priority</source>
        <translation>cambiar la prioridad de un caso</translation>
    </message>
    <message>
        <source>escalate cases</source>
        <translation>escalar casos</translation>
    </message>
    <message>
        <source>resolve cases</source>
        <translation>resolver casos</translation>
    </message>
    <message>
        <source>close cases</source>
        <translation>cerrar casos</translation>
    </message>
    <message>
        <source>reopen cases</source>
        <translation>reabrir casos</translation>
    </message>
    <message>
        <source>re-route cases</source>
        <translation>reenrutar casos</translation>
    </message>
    <message>
        <source>mark a case as a duplicate</source>
        <translation>marcar un caso como duplicado</translation>
    </message>
    <message>
        <source>file requests in staff-only services</source>
        <translation>registrar solicitudes en servicios exclusivos del personal</translation>
    </message>
    <message>
        <source>change the configuration (such as the service catalog)</source>
        <translation>cambiar la configuración (como el catálogo de servicios)</translation>
    </message>
    <message>
        <source>add staff, change their roles and queues, or disable their logins</source>
        <translation>agregar personal, cambiar sus roles y colas o desactivar sus usuarios</translation>
    </message>
    <message>
        <source>correct the address of an undelivered message and send it again</source>
        <translation>corregir la dirección de un mensaje no entregado y volver a enviarlo</translation>
    </message>
    <message>
        <source>%1 is an operator</source>
        <translation>%1 tiene el rol de operador</translation>
    </message>
    <message>
        <source>%1 is a dispatcher</source>
        <translation>%1 tiene el rol de despachador</translation>
    </message>
    <message>
        <source>%1 is a supervisor</source>
        <translation>%1 tiene el rol de supervisor</translation>
    </message>
    <message>
        <source>%1 is an admin</source>
        <translation>%1 tiene el rol de administrador</translation>
    </message>
    <message>
        <source>operators</source>
        <translation>los operadores</translation>
    </message>
    <message>
        <source>dispatchers</source>
        <translation>los despachadores</translation>
    </message>
    <message>
        <source>supervisors</source>
        <translation>los supervisores</translation>
    </message>
    <message>
        <source>admins</source>
        <translation>los administradores</translation>
    </message>
    <message>
        <source>%1 has no known role (%2)</source>
        <translation>%1 no tiene un rol conocido (%2)</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>%1: only %2 can %3.</source>
        <translation>%1: solo %2 pueden %3.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
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
        <translation>Agregar una política de SLA</translation>
    </message>
    <message>
        <source>Change a policy</source>
        <translation>Cambiar una política</translation>
    </message>
    <message>
        <source>e.g. business-5d</source>
        <translation>p. ej., habiles-5d</translation>
    </message>
    <message>
        <source>e.g. 5 business days</source>
        <translation>p. ej., 5 días hábiles</translation>
    </message>
    <message>
        <source>Working hours of the calendar</source>
        <translation>Horario hábil del calendario</translation>
    </message>
    <message>
        <source>Around the clock</source>
        <translation>Las 24 horas</translation>
    </message>
    <message>
        <source>Hours, e.g. 45 (5 days of 9 hours)</source>
        <translation>Horas, p. ej., 45 (5 días de 9 horas)</translation>
    </message>
    <message>
        <source>e.g. 0.75 or 75%</source>
        <translation>p. ej., 0.75 o 75%</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>Policy code</source>
        <translation>Código de la política</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Policy name</source>
        <translation>Nombre de la política</translation>
    </message>
    <message>
        <source>C&amp;lock:</source>
        <translation>Re&amp;loj:</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <source>&amp;Target (hours):</source>
        <translation>&amp;Objetivo (horas):</translation>
    </message>
    <message>
        <source>Target in hours</source>
        <translation>Objetivo en horas</translation>
    </message>
    <message>
        <source>At &amp;risk after:</source>
        <translation>En &amp;riesgo al:</translation>
    </message>
    <message>
        <source>Share of the target after which a case is at risk</source>
        <translation>Parte del objetivo a partir de la cual un caso está en riesgo</translation>
    </message>
    <message>
        <source>C&amp;alendar:</source>
        <translation>C&amp;alendario:</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Applies to cases opened from now on; open cases keep their due dates.</source>
        <translation>Se aplica a los casos abiertos de ahora en adelante; los casos ya abiertos conservan su vencimiento.</translation>
    </message>
</context>
<context>
    <name>PriorityNames</name>
    <message>
        <source>low</source>
        <translation>baja</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alta</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgente</translation>
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
    <name>QueueAdminProblems</name>
    <message>
        <source>%1 is there already.</source>
        <translation>%1 ya está ahí.</translation>
    </message>
    <message>
        <source>%1 is active already.</source>
        <translation>%1 ya está activa.</translation>
    </message>
    <message>
        <source>%1 is inactive already.</source>
        <translation>%1 ya está inactiva.</translation>
    </message>
    <message>
        <source>Someone else changed %1 meanwhile (%2); nothing was changed. The list shows it as it is now: try again.</source>
        <translation>Otra persona cambió %1 mientras tanto (%2); no se cambió nada. La lista la muestra como está ahora: inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Choose the queue the team works for.</source>
        <translation>Elija la cola para la que trabaja el equipo.</translation>
    </message>
    <message>
        <source>Choose the queue the crew works for.</source>
        <translation>Elija la cola para la que trabaja la cuadrilla.</translation>
    </message>
    <message>
        <source>%1 is a team: a team goes under a queue.</source>
        <translation>%1 es un equipo: un equipo va dentro de una cola.</translation>
    </message>
    <message>
        <source>%1 is a team: a crew goes under a queue.</source>
        <translation>%1 es un equipo: una cuadrilla va dentro de una cola.</translation>
    </message>
    <message>
        <source>%1 is a crew: a team goes under a queue.</source>
        <translation>%1 es una cuadrilla: un equipo va dentro de una cola.</translation>
    </message>
    <message>
        <source>%1 is a crew: a crew goes under a queue.</source>
        <translation>%1 es una cuadrilla: una cuadrilla va dentro de una cola.</translation>
    </message>
    <message>
        <source>Give it a code: a short name such as PWD_SIGNS.</source>
        <translation>Asígnele un código: un nombre corto como PWD_SIGNS.</translation>
    </message>
    <message>
        <source>The code is too long: at most %1 characters.</source>
        <translation>El código es demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>The code may hold only letters, digits and signs.</source>
        <translation>El código solo puede tener letras, dígitos y signos.</translation>
    </message>
    <message>
        <source>The code %1 is already used by %2 (%3).</source>
        <translation>El código %1 ya lo usa %2 (%3).</translation>
    </message>
    <message>
        <source>Give it a name, as staff will see it in the Queues tab.</source>
        <translation>Asígnele un nombre, tal como el personal lo verá en la pestaña Colas.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>El nombre es demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>Choose the department the queue belongs to.</source>
        <translation>Elija el departamento al que pertenece la cola.</translation>
    </message>
    <message>
        <source>There is no department %1.</source>
        <translation>No existe el departamento %1.</translation>
    </message>
    <message>
        <source>There is no queue %1.</source>
        <translation>No existe la cola %1.</translation>
    </message>
    <message>
        <source>%1 is not active.</source>
        <translation>%1 no está activa.</translation>
    </message>
    <message>
        <source>Choose whether it is a queue, a team or a crew.</source>
        <translation>Elija si es una cola, un equipo o una cuadrilla.</translation>
    </message>
    <message>
        <source>1 routing rule</source>
        <translation>1 regla de enrutamiento</translation>
    </message>
    <message>
        <source>%1 routing rules</source>
        <translation>%1 reglas de enrutamiento</translation>
    </message>
    <message>
        <source>the default queue of %1</source>
        <translation>la cola predeterminada de %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>%1 still receives new requests (%2): send them elsewhere in Routing first.</source>
        <translation>%1 todavía recibe solicitudes nuevas (%2): primero envíelas a otra parte en Enrutamiento.</translation>
    </message>
</context>
<context>
    <name>QueueAdminWords</name>
    <message>
        <source>Added the queue %1 (%2) to %3.</source>
        <translation>Se agregó la cola %1 (%2) a %3.</translation>
    </message>
    <message>
        <source>Added the team %1 (%2) under %3.</source>
        <translation>Se agregó el equipo %1 (%2) dentro de %3.</translation>
    </message>
    <message>
        <source>Added the crew %1 (%2) under %3.</source>
        <translation>Se agregó la cuadrilla %1 (%2) dentro de %3.</translation>
    </message>
    <message>
        <source>Renamed the queue %1 from %2 to %3.</source>
        <translation>Se cambió el nombre de la cola %1 de %2 a %3.</translation>
    </message>
    <message>
        <source>Renamed the team %1 from %2 to %3.</source>
        <translation>Se cambió el nombre del equipo %1 de %2 a %3.</translation>
    </message>
    <message>
        <source>Renamed the crew %1 from %2 to %3.</source>
        <translation>Se cambió el nombre de la cuadrilla %1 de %2 a %3.</translation>
    </message>
    <message>
        <source>Moved the team %1 (%2) under %3.</source>
        <translation>Se movió el equipo %1 (%2) dentro de %3.</translation>
    </message>
    <message>
        <source>Moved the crew %1 (%2) under %3.</source>
        <translation>Se movió la cuadrilla %1 (%2) dentro de %3.</translation>
    </message>
    <message>
        <source>Reactivated the queue %1 (%2).</source>
        <translation>Se reactivó la cola %1 (%2).</translation>
    </message>
    <message>
        <source>Reactivated the team %1 (%2).</source>
        <translation>Se reactivó el equipo %1 (%2).</translation>
    </message>
    <message>
        <source>Reactivated the crew %1 (%2).</source>
        <translation>Se reactivó la cuadrilla %1 (%2).</translation>
    </message>
    <message>
        <source>Deactivated the queue %1 (%2); %3.</source>
        <translation>Se desactivó la cola %1 (%2); %3.</translation>
    </message>
    <message>
        <source>Deactivated the team %1 (%2); %3.</source>
        <translation>Se desactivó el equipo %1 (%2); %3.</translation>
    </message>
    <message>
        <source>Deactivated the crew %1 (%2); %3.</source>
        <translation>Se desactivó la cuadrilla %1 (%2); %3.</translation>
    </message>
    <message>
        <source>Moved the queue %2 (%3) from %4 to %5 with its 1 team or crew.</source>
        <translation>Se movió la cola %2 (%3) de %4 a %5 con su equipo o cuadrilla.</translation>
    </message>
    <message>
        <source>Moved the queue %2 (%3) from %4 to %5 with its %1 teams and crews.</source>
        <translation>Se movió la cola %2 (%3) de %4 a %5 con sus %1 equipos y cuadrillas.</translation>
    </message>
    <message>
        <source>Moved the queue %1 (%2) from %3 to %4.</source>
        <translation>Se movió la cola %1 (%2) de %3 a %4.</translation>
    </message>
    <message>
        <source>its 1 open case stays in it</source>
        <translation>su caso abierto se queda en ella</translation>
    </message>
    <message>
        <source>its %1 open cases stay in it</source>
        <translation>sus %1 casos abiertos se quedan en ella</translation>
    </message>
    <message>
        <source>it no longer exists</source>
        <translation>ya no existe</translation>
    </message>
    <message>
        <source>renamed it %1</source>
        <translation>le cambió el nombre a %1</translation>
    </message>
    <message>
        <source>moved it to %1</source>
        <translation>la movió a %1</translation>
    </message>
    <message>
        <source>put it under %1</source>
        <translation>la puso dentro de %1</translation>
    </message>
    <message>
        <source>put it under no queue</source>
        <translation>la dejó fuera de toda cola</translation>
    </message>
    <message>
        <source>reactivated it</source>
        <translation>la reactivó</translation>
    </message>
    <message>
        <source>deactivated it</source>
        <translation>la desactivó</translation>
    </message>
    <message>
        <source>changed it</source>
        <translation>la cambió</translation>
    </message>
</context>
<context>
    <name>QueueChecklist</name>
    <message>
        <source>Find a queue…</source>
        <translation>Buscar una cola…</translation>
    </message>
    <message>
        <source>Find a queue</source>
        <translation>Buscar una cola</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Colas</translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>QueueFilterBar</name>
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
        <source>No due date</source>
        <translation>Sin vencimiento</translation>
    </message>
    <message>
        <source>Search reference, address, description</source>
        <translation>Buscar referencia, dirección, descripción</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Buscar en la cola</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Cualquier prioridad</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Any SLA state</source>
        <translation>Cualquier plazo</translation>
    </message>
    <message>
        <source>SLA state</source>
        <translation>Plazo (SLA)</translation>
    </message>
    <message>
        <source>Any district</source>
        <translation>Cualquier distrito</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Cualquier categoría</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquier persona</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Opened from</source>
        <translation>Abierto desde</translation>
    </message>
    <message>
        <source>Opened until</source>
        <translation>Abierto hasta</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
</context>
<context>
    <name>QueueMaps</name>
    <message>
        <source>The maps cannot show the city&apos;s districts: %1</source>
        <translation>Los mapas no pueden mostrar los distritos de la ciudad: %1</translation>
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
        <translation>Cola</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencidos</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 (team)</source>
        <translation>%1 — %2 (equipo)</translation>
    </message>
    <message>
        <source>%1 — %2 (crew)</source>
        <translation>%1 — %2 (cuadrilla)</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <source>%1d %2h</source>
        <translation>%1d %2h</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1h %2min</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1min</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 de retraso</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Abierto el %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Vence el %1</translation>
    </message>
    <message>
        <source>At risk from %1</source>
        <translation>En riesgo desde el %1</translation>
    </message>
</context>
<context>
    <name>QueuesDialog</name>
    <message>
        <source>Queues of %1</source>
        <translation>Colas de %1</translation>
    </message>
    <message>
        <source>&amp;Queues:</source>
        <translation>&amp;Colas:</translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message>
        <source>Queues &amp; teams</source>
        <translation>Colas y equipos</translation>
    </message>
    <message>
        <source>Add &amp;queue…</source>
        <translation>Agregar &amp;cola…</translation>
    </message>
    <message>
        <source>Add &amp;team or crew…</source>
        <translation>Agregar &amp;equipo o cuadrilla…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Mover…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Desactivar…</translation>
    </message>
    <message>
        <source>Departments, queues, teams and crews</source>
        <translation>Departamentos, colas, equipos y cuadrillas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Casos abiertos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Add a queue</source>
        <translation>Agregar una cola</translation>
    </message>
    <message>
        <source>Add a team or crew</source>
        <translation>Agregar un equipo o cuadrilla</translation>
    </message>
    <message>
        <source>Rename the selected one</source>
        <translation>Cambiar el nombre de lo seleccionado</translation>
    </message>
    <message>
        <source>Add a team or crew under the selected queue</source>
        <translation>Agregar un equipo o cuadrilla bajo la cola seleccionada</translation>
    </message>
    <message>
        <source>Rename the selected one (or Return, or double-click)</source>
        <translation>Cambiar el nombre de lo seleccionado (o Intro, o doble clic)</translation>
    </message>
    <message>
        <source>Could not read the queues: %1</source>
        <translation>No se pudieron leer las colas: %1</translation>
    </message>
    <message>
        <source>Deactivate?</source>
        <translation>¿Desactivar?</translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation>¿Desactivar %1?</translation>
    </message>
    <message numerus="yes">
        <source>It has %Ln open case(s): they stay in it and can still be worked and moved. It is no longer offered for new work; you can reactivate it.</source>
        <translation>
            <numerusform>Tiene %Ln caso abierto: se queda ahí y se puede seguir trabajando y moviendo. Ya no se ofrecerá para trabajo nuevo; se puede reactivar.</numerusform>
            <numerusform>Tiene %Ln casos abiertos: se quedan ahí y se pueden seguir trabajando y moviendo. Ya no se ofrecerá para trabajo nuevo; se puede reactivar.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (team)</source>
        <translation>%1 (equipo)</translation>
    </message>
    <message>
        <source>%1 (crew)</source>
        <translation>%1 (cuadrilla)</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>%1 active of %2</source>
        <translation>%1 activas de %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactiva</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Re&amp;activar</translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message>
        <source>My queues</source>
        <translation>Mis colas</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtros guardados</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>Guardar filtro…</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Colas</translation>
    </message>
    <message>
        <source>No case matches</source>
        <translation>Ningún caso coincide</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Guardados:</translation>
    </message>
    <message>
        <source>Open the case on the Case tab (or double-click it)</source>
        <translation>Abrir el caso en la pestaña Caso (o hacer doble clic en él)</translation>
    </message>
    <message>
        <source>Choose several queues in the list (Shift+click: a range)</source>
        <translation>Elegir varias colas de la lista (Mayús+clic: un rango)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not read your queues: %1</source>
        <translation>No se pudieron leer sus colas: %1</translation>
    </message>
    <message>
        <source>Could not read the saved filters: %1</source>
        <translation>No se pudieron leer los filtros guardados: %1</translation>
    </message>
    <message>
        <source>Could not read the filter lists: %1</source>
        <translation>No se pudieron leer las listas de los filtros: %1</translation>
    </message>
    <message>
        <source>Could not count the cases of each queue: %1</source>
        <translation>No se pudieron contar los casos de cada cola: %1</translation>
    </message>
    <message>
        <source>Could not count the cases: %1</source>
        <translation>No se pudieron contar los casos: %1</translation>
    </message>
    <message>
        <source>%1 · %2 overdue · %3</source>
        <translation>%1 · %2 vencidos · %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) match</source>
        <translation>
            <numerusform>%Ln caso coincide</numerusform>
            <numerusform>%Ln casos coinciden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln queue(s)</source>
        <translation>
            <numerusform>en %Ln cola</numerusform>
            <numerusform>en %Ln colas</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Guardar filtro</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Could not save the filter: %1</source>
        <translation>No se pudo guardar el filtro: %1</translation>
    </message>
    <message>
        <source>Could not read the queue: %1</source>
        <translation>No se pudo leer la cola: %1</translation>
    </message>
    <message>
        <source>Could not put the cases on the map: %1</source>
        <translation>No se pudieron mostrar los casos en el mapa: %1</translation>
    </message>
</context>
<context>
    <name>ReadBack</name>
    <message>
        <source>no fixed date for this kind of request</source>
        <translation>no hay fecha fija para este tipo de solicitud</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>the due day read to the caller, as a QLocale date format</comment>
        <translation>dddd d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>the due date: its day, its hour</comment>
        <translation>%1, %2</translation>
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
        <translation>Cambiar el nombre de %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nombre nuevo</translation>
    </message>
</context>
<context>
    <name>RequestChannels</name>
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
</context>
<context>
    <name>RequestColumns</name>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
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
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Callers</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>%1 · at risk</source>
        <translation>%1 · en riesgo</translation>
    </message>
    <message>
        <source>%1 · late</source>
        <translation>%1 · vencido</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>At risk from %1</source>
        <translation>En riesgo desde el %1</translation>
    </message>
</context>
<context>
    <name>RequestsPanel</name>
    <message>
        <source>All channels</source>
        <translation>Todos los canales</translation>
    </message>
    <message>
        <source>Chan&amp;nel:</source>
        <translation>Ca&amp;nal:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Open the request on the Case tab (or double-click it)</source>
        <translation>Abrir la solicitud en la pestaña Caso (o hacer doble clic en ella)</translation>
    </message>
    <message>
        <source>Go to the channel filter</source>
        <translation>Ir al filtro de canal</translation>
    </message>
    <message>
        <source>Could not read requests: %1</source>
        <translation>No se pudieron leer las solicitudes: %1</translation>
    </message>
    <message>
        <source>Could not count the open requests: %1</source>
        <translation>No se pudieron contar las solicitudes abiertas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln abierta</numerusform>
            <numerusform>%Ln abiertas</numerusform>
        </translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>Solicitudes abiertas</translation>
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
        <translation>Corregir y reenviar</translation>
    </message>
    <message>
        <source>%1 “%2” for %3</source>
        <translation>%1 «%2» para %3</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
    <message>
        <source>Send it to this &amp;phone number:</source>
        <translation>Enviarlo a este número de &amp;teléfono:</translation>
    </message>
    <message>
        <source>Send it to this &amp;e-mail address:</source>
        <translation>Enviarlo a esta dirección de &amp;correo electrónico:</translation>
    </message>
    <message>
        <source>The caller&apos;s own address is corrected too, for the next messages.</source>
        <translation>También se corrige la dirección de la persona que llama, para los próximos mensajes.</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Reenviar</translation>
    </message>
</context>
<context>
    <name>ResendRefusals</name>
    <message>
        <source>This message is no longer in the outbox.</source>
        <translation>Este mensaje ya no está en la bandeja de salida.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>undeliverable</source>
        <translation>no entregable</translation>
    </message>
    <message>
        <source>held</source>
        <translation>retenido</translation>
    </message>
    <message>
        <source>Enter a phone number to send the message to.</source>
        <translation>Escriba un número de teléfono al que enviar el mensaje.</translation>
    </message>
    <message>
        <source>Enter an e-mail address to send the message to.</source>
        <translation>Escriba un correo electrónico al que enviar el mensaje.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address (like name@example.org).</source>
        <translation>“%1” no es un correo electrónico (como nombre@ejemplo.org).</translation>
    </message>
    <message>
        <source>%1 already re-sent this message, to %2; nothing was changed. Read it again before correcting it.</source>
        <translation>%1 ya reenvió este mensaje, a %2; no se cambió nada. Vuelva a leerlo antes de corregirlo.</translation>
    </message>
    <message>
        <source>This message was delivered meanwhile; nothing was changed.</source>
        <translation>Este mensaje se entregó mientras tanto; no se cambió nada.</translation>
    </message>
    <message>
        <source>This message changed meanwhile (it is now %1); nothing was changed. Read it again before correcting it.</source>
        <translation>Este mensaje cambió mientras tanto (ahora está %1); no se cambió nada. Vuelva a leerlo antes de corregirlo.</translation>
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
    <name>RoutingExplanations</name>
    <message>
        <source>Routed to %1 because no rule matched %2; it is the service&apos;s default queue.</source>
        <translation>Enviado a %1 porque ninguna regla coincidió con %2; es la cola predeterminada del servicio.</translation>
    </message>
    <message>
        <source>%1 with no district</source>
        <translation>%1 sin distrito</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>in any district</source>
        <translation>en cualquier distrito</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Routed to %1 because %2 %3 goes there%4.</source>
        <translation>Enviado a %1 porque %2 %3 va allí%4.</translation>
    </message>
    <message>
        <source>Routed to %1 because %2 requests %3 go there%4.</source>
        <translation>Enviado a %1 porque las solicitudes de %2 %3 van allí%4.</translation>
    </message>
    <message>
        <source>Routed to %1 because every request %2 goes there%3.</source>
        <translation>Enviado a %1 porque toda solicitud %2 va allí%3.</translation>
    </message>
    <message>
        <source>Routed to %1 because every request with no more specific rule goes there%2.</source>
        <translation>Enviado a %1 porque toda solicitud sin una regla más específica va allí%2.</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>prioridad %1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>Routing rules</source>
        <translation>Reglas de enrutamiento</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Ca&amp;mbiar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Add a routing rule</source>
        <translation>Agregar una regla de enrutamiento</translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation>Quitar la regla seleccionada</translation>
    </message>
    <message>
        <source>Change the selected rule (or double-click)</source>
        <translation>Cambiar la regla seleccionada (o doble clic)</translation>
    </message>
    <message>
        <source>Test where the chosen service at the pin would go</source>
        <translation>Probar adónde iría el servicio elegido en el marcador</translation>
    </message>
    <message>
        <source>Could not read the routing rules: %1</source>
        <translation>No se pudieron leer las reglas de enrutamiento: %1</translation>
    </message>
    <message>
        <source>Remove the rule?</source>
        <translation>¿Quitar la regla?</translation>
    </message>
    <message>
        <source>Remove rule %1?</source>
        <translation>¿Quitar la regla %1?</translation>
    </message>
    <message>
        <source>Requests it took will follow the next rule that matches them.</source>
        <translation>Las solicitudes que tomaba seguirán la siguiente regla que les corresponda.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rule(s)</source>
        <translation>
            <numerusform>%Ln regla</numerusform>
            <numerusform>%Ln reglas</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
</context>
<context>
    <name>RoutingPickers</name>
    <message>
        <source>Group: %1</source>
        <translation>Grupo: %1</translation>
    </message>
</context>
<context>
    <name>RoutingRuleProblems</name>
    <message>
        <source>A rule names a service or a group of services, not both: choose %1 or the group %2.</source>
        <translation>Una regla nombra un servicio o un grupo de servicios, no ambos: elija %1 o el grupo %2.</translation>
    </message>
    <message>
        <source>There is no active service %1.</source>
        <translation>No hay ningún servicio activo %1.</translation>
    </message>
    <message>
        <source>No active service is in a group called %1.</source>
        <translation>Ningún servicio activo está en un grupo llamado %1.</translation>
    </message>
    <message>
        <source>The rank must be a whole number (such as 10 or 100), not %1.</source>
        <translation>El orden debe ser un número entero (como 10 o 100), no %1.</translation>
    </message>
    <message>
        <source>The rank must be from 0 to %1, not %2.</source>
        <translation>El orden debe ir de 0 a %1, no %2.</translation>
    </message>
    <message>
        <source>Rule %1 already routes %2 at rank %3 (to %4): change that rule, or give this one another rank.</source>
        <translation>La regla %1 ya enruta %2 con orden %3 (a %4): cambie esa regla o dé otro orden a esta.</translation>
    </message>
    <message>
        <source>There is no district %1 in the layer %2.</source>
        <translation>No existe el distrito %1 en la capa %2.</translation>
    </message>
    <message>
        <source>Choose the queue these requests go to.</source>
        <translation>Elija la cola a la que van estas solicitudes.</translation>
    </message>
    <message>
        <source>There is no active queue %1.</source>
        <translation>No hay ninguna cola activa %1.</translation>
    </message>
    <message>
        <source>%1 is not a priority: choose %2, or none.</source>
        <translation>%1 no es una prioridad: elija %2, o ninguna.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; keep it under %2.</source>
        <translation>La nota tiene %1 caracteres; manténgala por debajo de %2.</translation>
    </message>
    <message>
        <source>Rule %1 was not saved: %2. The table shows it as it is now.</source>
        <translation>La regla %1 no se guardó: %2. La tabla la muestra como está ahora.</translation>
    </message>
    <message>
        <source>(%1, %2) is not a point on the map.</source>
        <translation>(%1, %2) no es un punto del mapa.</translation>
    </message>
</context>
<context>
    <name>RoutingRuleWords</name>
    <message>
        <source>%1 requests</source>
        <translation>solicitudes de %1</translation>
    </message>
    <message>
        <source>every request</source>
        <translation>todas las solicitudes</translation>
    </message>
    <message>
        <source>%1 in any district</source>
        <translation>%1 en cualquier distrito</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Routing: %1 goes to %2 (rank %3)</source>
        <translation>Enrutamiento: %1 va a %2 (orden %3)</translation>
    </message>
    <message>
        <source>Routing: %1 goes to %2 (rank %3, priority %4)</source>
        <translation>Enrutamiento: %1 va a %2 (orden %3, prioridad %4)</translation>
    </message>
    <message>
        <source>someone removed it meanwhile</source>
        <translation>otra persona la eliminó mientras tanto</translation>
    </message>
    <message>
        <source>it now takes %1</source>
        <translation>ahora recibe %1</translation>
    </message>
    <message>
        <source>its queue is now %1</source>
        <translation>su cola ahora es %1</translation>
    </message>
    <message>
        <source>its priority is now %1</source>
        <translation>su prioridad ahora es %1</translation>
    </message>
    <message>
        <source>the service’s own</source>
        <translation>la del servicio</translation>
    </message>
    <message>
        <source>its rank is now %1</source>
        <translation>su orden ahora es %1</translation>
    </message>
    <message>
        <source>its note is now %1</source>
        <translation>su nota ahora es %1</translation>
    </message>
    <message>
        <source>it was saved again</source>
        <translation>se volvió a guardar</translation>
    </message>
    <message>
        <source>someone changed it meanwhile: %1</source>
        <translation>otra persona la cambió mientras tanto: %1</translation>
    </message>
    <message>
        <source>Added rule %1. %2.</source>
        <translation>Se agregó la regla %1. %2.</translation>
    </message>
    <message>
        <source>Removed rule %1. It said: %2.</source>
        <translation>Se eliminó la regla %1. Decía: %2.</translation>
    </message>
    <message>
        <source>Changed rule %1. %2.</source>
        <translation>Se cambió la regla %1. %2.</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>Nada que cambiar</translation>
    </message>
</context>
<context>
    <name>RoutingTable</name>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Service or group</source>
        <translation>Servicio o grupo</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Cualquier servicio</translation>
    </message>
    <message>
        <source>Any district</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Grupo: %1</translation>
    </message>
    <message>
        <source>Service&apos;s own</source>
        <translation>Del servicio</translation>
    </message>
</context>
<context>
    <name>RoutingTester</name>
    <message>
        <source>Where would this go?</source>
        <translation>¿Adónde iría esto?</translation>
    </message>
    <message>
        <source>Service to test</source>
        <translation>Servicio a probar</translation>
    </message>
    <message>
        <source>Address to test</source>
        <translation>Dirección a probar</translation>
    </message>
    <message>
        <source>Type an address, or click the map</source>
        <translation>Escriba una dirección o haga clic en el mapa</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Probar</translation>
    </message>
    <message>
        <source>Ask again where it would go (Ctrl+T)</source>
        <translation>Volver a preguntar adónde iría (Ctrl+T)</translation>
    </message>
    <message>
        <source>Choose a service, then click the map or type an address.</source>
        <translation>Elija un servicio y luego haga clic en el mapa o escriba una dirección.</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>Ser&amp;vicio:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>Dir&amp;ección:</translation>
    </message>
    <message>
        <source>Test where it would go</source>
        <translation>Probar adónde iría</translation>
    </message>
    <message>
        <source>Choose a service from the list.</source>
        <translation>Elija un servicio de la lista.</translation>
    </message>
    <message>
        <source>Click the map or type an address to put the pin.</source>
        <translation>Haga clic en el mapa o escriba una dirección para poner el marcador.</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Consultando…</translation>
    </message>
    <message>
        <source>%1 at %2, %3</source>
        <translation>%1 en %2, %3</translation>
    </message>
    <message>
        <source>In: %1; a case records %2 (%3)</source>
        <translation>En: %1; el caso registra %2 (%3)</translation>
    </message>
    <message>
        <source>In: %1</source>
        <translation>En: %1</translation>
    </message>
    <message>
        <source>Queue: %1 · priority: %2</source>
        <translation>Cola: %1 · prioridad: %2</translation>
    </message>
    <message>
        <source>Outside every district: only rules for any district apply.</source>
        <translation>Fuera de todo distrito: solo se aplican las reglas para cualquier distrito.</translation>
    </message>
    <message>
        <source>Could not test: %1</source>
        <translation>No se pudo probar: %1</translation>
    </message>
    <message>
        <source>Could not look up the address: %1</source>
        <translation>No se pudo buscar la dirección: %1</translation>
    </message>
    <message>
        <source>No known address matches “%1”.</source>
        <translation>Ninguna dirección conocida coincide con «%1».</translation>
    </message>
    <message>
        <source>The map could not be read: %1</source>
        <translation>No se pudo leer el mapa: %1</translation>
    </message>
</context>
<context>
    <name>RoutingTesterAnswers</name>
    <message>
        <source>the service in one district</source>
        <translation>el servicio en un distrito</translation>
    </message>
    <message>
        <source>the service in any district</source>
        <translation>el servicio en cualquier distrito</translation>
    </message>
    <message>
        <source>the service&apos;s group in one district</source>
        <translation>el grupo del servicio en un distrito</translation>
    </message>
    <message>
        <source>the service&apos;s group in any district</source>
        <translation>el grupo del servicio en cualquier distrito</translation>
    </message>
    <message>
        <source>every service in one district</source>
        <translation>todos los servicios en un distrito</translation>
    </message>
    <message>
        <source>every service in any district</source>
        <translation>todos los servicios en cualquier distrito</translation>
    </message>
    <message>
        <source>%1 matched but did not decide.</source>
        <translation>%1 coincidió pero no decidió.</translation>
    </message>
    <message>
        <source>rule %1</source>
        <translation>la regla %1</translation>
    </message>
    <message>
        <source>the winning rule</source>
        <translation>la regla ganadora</translation>
    </message>
    <message>
        <source>%1 is less specific: it names %2, %3 names %4.</source>
        <translation>%1 es menos específica: nombra %2, y %3 nombra %4.</translation>
    </message>
    <message>
        <source>%1 has a higher rank (%2) than %3 (%4).</source>
        <translation>%1 tiene un orden mayor (%2) que %3 (%4).</translation>
    </message>
    <message>
        <source>%1 has the same reach and rank as %2, which was added first.</source>
        <translation>%1 tiene el mismo alcance y orden que %2, que se agregó primero.</translation>
    </message>
    <message>
        <source>A rule (to %1, rank %2)</source>
        <translation>Una regla (a %1, orden %2)</translation>
    </message>
    <message>
        <source>Rule %1 (to %2, rank %3)</source>
        <translation>La regla %1 (a %2, orden %3)</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Add an escalation rule</source>
        <translation>Agregar una regla de escalamiento</translation>
    </message>
    <message>
        <source>Change escalation rule %1</source>
        <translation>Cambiar la regla de escalamiento %1</translation>
    </message>
    <message>
        <source>At risk of missing its due time</source>
        <translation>En riesgo de vencer</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Overdue by some business hours</source>
        <translation>Con horas hábiles de retraso</translation>
    </message>
    <message>
        <source>Business hours past due, e.g. 8</source>
        <translation>Horas hábiles de retraso, p. ej., 8</translation>
    </message>
    <message>
        <source>Notify the department</source>
        <translation>Notificar al departamento</translation>
    </message>
    <message>
        <source>Raise the priority one step, and notify</source>
        <translation>Subir la prioridad un nivel y notificar</translation>
    </message>
    <message>
        <source>Move to a queue, and notify its department</source>
        <translation>Mover a una cola y notificar a su departamento</translation>
    </message>
    <message>
        <source>(choose a queue)</source>
        <translation>(elija una cola)</translation>
    </message>
    <message>
        <source>Every SLA policy</source>
        <translation>Todas las políticas de SLA</translation>
    </message>
    <message>
        <source>&amp;When a case is:</source>
        <translation>&amp;Cuando el caso está:</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>&amp;Hours past due:</source>
        <translation>&amp;Horas de retraso:</translation>
    </message>
    <message>
        <source>Hours past due</source>
        <translation>Horas de retraso</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Entonces:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>C&amp;ola:</translation>
    </message>
    <message>
        <source>Queue to move the case to</source>
        <translation>Cola a la que se mueve el caso</translation>
    </message>
    <message>
        <source>For &amp;policy:</source>
        <translation>Para la &amp;política:</translation>
    </message>
    <message>
        <source>SLA policy</source>
        <translation>Política de SLA</translation>
    </message>
    <message>
        <source>Cases the rule already fired on keep what it did; it does not fire twice.</source>
        <translation>Los casos a los que ya se aplicó la regla conservan lo que hizo; no se aplica dos veces.</translation>
    </message>
    <message>
        <source>Type how many business hours past due, e.g. 8</source>
        <translation>Escriba cuántas horas hábiles de retraso, p. ej., 8</translation>
    </message>
    <message>
        <source>%1 is not a number of hours.</source>
        <translation>%1 no es un número de horas.</translation>
    </message>
    <message>
        <source>Add a routing rule</source>
        <translation>Agregar una regla de enrutamiento</translation>
    </message>
    <message>
        <source>Change rule %1</source>
        <translation>Cambiar la regla %1</translation>
    </message>
    <message>
        <source>Service or group</source>
        <translation>Servicio o grupo</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Cualquier servicio</translation>
    </message>
    <message>
        <source>District layer</source>
        <translation>Capa de distritos</translation>
    </message>
    <message>
        <source>Any district</source>
        <translation>Cualquier distrito</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Distrito</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>The service&apos;s own</source>
        <translation>La del servicio</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Of two rules that reach as far, the lower rank wins.</source>
        <translation>Entre dos reglas igual de amplias, gana la de menor orden.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Why this rule exists (optional)</source>
        <translation>Por qué existe esta regla (opcional)</translation>
    </message>
    <message>
        <source>&amp;Requests for:</source>
        <translation>&amp;Solicitudes de:</translation>
    </message>
    <message>
        <source>District &amp;layer:</source>
        <translation>&amp;Capa de distritos:</translation>
    </message>
    <message>
        <source>&amp;District:</source>
        <translation>&amp;Distrito:</translation>
    </message>
    <message>
        <source>Go to &amp;queue:</source>
        <translation>Enviar a la c&amp;ola:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioridad:</translation>
    </message>
    <message>
        <source>R&amp;ank:</source>
        <translation>O&amp;rden:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Grupo: %1</translation>
    </message>
    <message>
        <source>Choose a service or a group from the list.</source>
        <translation>Elija un servicio o un grupo de la lista.</translation>
    </message>
    <message>
        <source>Choose a district of this layer from the list.</source>
        <translation>Elija un distrito de esta capa de la lista.</translation>
    </message>
    <message>
        <source>Choose the queue from the list.</source>
        <translation>Elija la cola de la lista.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>RuleFilters</name>
    <message>
        <source>Show rules for service</source>
        <translation>Mostrar las reglas del servicio</translation>
    </message>
    <message>
        <source>Show rules to queue</source>
        <translation>Mostrar las reglas que envían a la cola</translation>
    </message>
    <message>
        <source>Show rules in district</source>
        <translation>Mostrar las reglas del distrito</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Cola:</translation>
    </message>
    <message>
        <source>Dis&amp;trict:</source>
        <translation>&amp;Distrito:</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Todos los servicios</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Todas las colas</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Todos los distritos</translation>
    </message>
</context>
<context>
    <name>SavedSearchProblems</name>
    <message>
        <source>The saved search&apos;s text is not text.</source>
        <translation>El texto de la búsqueda guardada no es texto.</translation>
    </message>
    <message>
        <source>The saved search&apos;s limit is not a number: %1.</source>
        <translation>El límite de la búsqueda guardada no es un número: %1.</translation>
    </message>
    <message>
        <source>The saved search&apos;s %1 are not a list of codes: %2.</source>
        <translation>El campo %1 de la búsqueda guardada no es una lista de códigos: %2.</translation>
    </message>
    <message>
        <source>The saved search&apos;s %1 is not a day: %2.</source>
        <translation>El campo %1 de la búsqueda guardada no es un día: %2.</translation>
    </message>
</context>
<context>
    <name>SavedSearchRefusals</name>
    <message>
        <source>The saved search %1 is no longer there.</source>
        <translation>La búsqueda guardada %1 ya no existe.</translation>
    </message>
    <message>
        <source>Only its owner (%1) may rename the saved search %2.</source>
        <translation>Solo su dueño (%1) puede cambiar el nombre de la búsqueda guardada %2.</translation>
    </message>
    <message>
        <source>Only its owner (%1) may share the saved search %2.</source>
        <translation>Solo su dueño (%1) puede compartir la búsqueda guardada %2.</translation>
    </message>
    <message>
        <source>Only its owner (%1) may delete the saved search %2.</source>
        <translation>Solo su dueño (%1) puede eliminar la búsqueda guardada %2.</translation>
    </message>
    <message>
        <source>A saved search needs a name.</source>
        <translation>Una búsqueda guardada necesita un nombre.</translation>
    </message>
    <message>
        <source>A saved search&apos;s name has at most %1 characters, not %2.</source>
        <translation>El nombre de una búsqueda guardada tiene como máximo %1 caracteres, no %2.</translation>
    </message>
    <message>
        <source>You already have a saved search named %1.</source>
        <translation>Ya tiene una búsqueda guardada llamada %1.</translation>
    </message>
    <message>
        <source>Only supervisors and administrators may share a saved search with a department. It can be saved as private.</source>
        <translation>Solo supervisores y administradores pueden compartir una búsqueda guardada con un departamento. Puede guardarla como privada.</translation>
    </message>
    <message>
        <source>You may share a search only with a department of your queues, not with %1.</source>
        <translation>Solo puede compartir una búsqueda con un departamento de sus colas, no con %1.</translation>
    </message>
    <message>
        <source>No department has the code %1.</source>
        <translation>Ningún departamento tiene el código %1.</translation>
    </message>
</context>
<context>
    <name>SavedSearchesSection</name>
    <message>
        <source>Saved searches</source>
        <translation>Búsquedas guardadas</translation>
    </message>
    <message>
        <source>&amp;Save the current search…</source>
        <translation>&amp;Guardar la búsqueda actual…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>Co&amp;mpartir…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Cases the saved search finds</source>
        <translation>Casos que encuentra la búsqueda guardada</translation>
    </message>
    <message>
        <source>Choose a saved search and press Enter.</source>
        <translation>Elija una búsqueda guardada y pulse Intro.</translation>
    </message>
    <message>
        <source>Saved search status</source>
        <translation>Estado de la búsqueda guardada</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sa&amp;ved searches&lt;/b&gt;</source>
        <translation>&lt;b&gt;&amp;Búsquedas guardadas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (shared with %2)</source>
        <translation>%1 (compartida con %2)</translation>
    </message>
    <message>
        <source>%1 (by %2, for %3)</source>
        <translation>%1 (de %2, para %3)</translation>
    </message>
    <message>
        <source>Could not read the saved searches: %1</source>
        <translation>No se pudieron leer las búsquedas guardadas: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>%1: cases found: %2. Enter opens the one chosen.</source>
        <translation>%1: casos encontrados: %2. Pulse Intro para abrir el elegido.</translation>
    </message>
    <message>
        <source>Could not run the saved search: %1</source>
        <translation>No se pudo ejecutar la búsqueda guardada: %1</translation>
    </message>
    <message>
        <source>There is no search to save: find cases with Ctrl+F first.</source>
        <translation>No hay ninguna búsqueda para guardar: primero busque casos con Ctrl+F.</translation>
    </message>
    <message>
        <source>Save this search</source>
        <translation>Guardar esta búsqueda</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>The saved search was not changed: %1</source>
        <translation>La búsqueda guardada no se modificó: %1</translation>
    </message>
    <message>
        <source>Rename the saved search</source>
        <translation>Cambiar el nombre de la búsqueda guardada</translation>
    </message>
    <message>
        <source>Only me (private)</source>
        <translation>Solo yo (privada)</translation>
    </message>
    <message>
        <source>Share the search</source>
        <translation>Compartir la búsqueda</translation>
    </message>
    <message>
        <source>Shared with:</source>
        <translation>Compartida con:</translation>
    </message>
    <message>
        <source>Delete the saved search</source>
        <translation>Eliminar la búsqueda guardada</translation>
    </message>
    <message>
        <source>Delete the saved search “%1”?</source>
        <translation>¿Eliminar la búsqueda guardada «%1»?</translation>
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
    <name>SearchProblems</name>
    <message>
        <source>A search shows 1 to %1 cases, not %2.</source>
        <translation>Una búsqueda muestra de 1 a %1 casos, no %2.</translation>
    </message>
    <message>
        <source>The first day (%1) comes after the last day (%2).</source>
        <translation>El primer día (%1) es posterior al último (%2).</translation>
    </message>
</context>
<context>
    <name>SearchReasons</name>
    <message>
        <source>filters</source>
        <translation>filtros</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>número de referencia</translation>
    </message>
    <message>
        <source>caller&apos;s phone</source>
        <translation>teléfono de la persona que llamó</translation>
    </message>
    <message>
        <source>caller&apos;s name: %1</source>
        <translation>nombre de la persona que llamó: %1</translation>
    </message>
    <message>
        <source>description: %1</source>
        <translation>descripción: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>nota: %1</translation>
    </message>
    <message>
        <source>address: %1</source>
        <translation>dirección: %1</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Set a password</source>
        <translation>Fijar una contraseña</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Para:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Con&amp;firme la contraseña:</translation>
    </message>
    <message>
        <source>The two passwords differ: type them again.</source>
        <translation>Las dos contraseñas no coinciden: escríbalas de nuevo.</translation>
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
    <name>SlaAdminProblems</name>
    <message>
        <source>There is already a policy %1.</source>
        <translation>Ya existe una política %1.</translation>
    </message>
    <message>
        <source>Another administrator changed the policy %1 meanwhile; it is now %2. Nothing was changed; the list is read again.</source>
        <translation>Otro administrador cambió la política %1 mientras tanto; ahora es %2. No se cambió nada; se vuelve a leer la lista.</translation>
    </message>
    <message>
        <source>Another administrator changed the calendar %1 meanwhile; it is now %2. Nothing was changed; the list is read again.</source>
        <translation>Otro administrador cambió el calendario %1 mientras tanto; ahora es %2. No se cambió nada; se vuelve a leer la lista.</translation>
    </message>
    <message>
        <source>There is no calendar %1.</source>
        <translation>No existe el calendario %1.</translation>
    </message>
    <message>
        <source>%1 is not a closure day of %2 (any more): nothing was changed.</source>
        <translation>%1 (ya) no es un día de cierre de %2: no se cambió nada.</translation>
    </message>
    <message>
        <source>%1 is already a closure day of %2 (%3).</source>
        <translation>%1 ya es un día de cierre de %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is not a code: up to 40 lower-case letters, digits, _ . - (e.g. business-5d)</source>
        <translation>%1 no es un código: hasta 40 minúsculas, dígitos, _ . - (p. ej., business-5d)</translation>
    </message>
    <message>
        <source>A name is needed.</source>
        <translation>Se necesita un nombre.</translation>
    </message>
    <message>
        <source>A name has at most 120 characters.</source>
        <translation>Un nombre tiene como máximo 120 caracteres.</translation>
    </message>
    <message>
        <source>The target must be more than 0 hours, not %1.</source>
        <translation>El objetivo debe ser de más de 0 horas, no %1.</translation>
    </message>
    <message>
        <source>A target of more than three years is not a target.</source>
        <translation>Un objetivo de más de tres años no es un objetivo.</translation>
    </message>
    <message>
        <source>The at-risk share must be between 0 and 1 (e.g. 0.75), not %1.</source>
        <translation>La proporción de riesgo debe estar entre 0 y 1 (p. ej., 0.75), no %1.</translation>
    </message>
    <message>
        <source>The clock is &apos;business&apos; (working hours) or &apos;calendar&apos; (every hour), not %1.</source>
        <translation>El reloj es &apos;business&apos; (horas hábiles) o &apos;calendar&apos; (todas las horas), no %1.</translation>
    </message>
    <message>
        <source>%1 is not a time zone name (e.g. America/New_York).</source>
        <translation>%1 no es el nombre de una zona horaria (p. ej., America/New_York).</translation>
    </message>
    <message>
        <source>%1 is not a time of day as HH:MM (e.g. 08:30).</source>
        <translation>%1 no es una hora del día en formato HH:MM (p. ej., 08:30).</translation>
    </message>
    <message>
        <source>Work must end after it starts (%1 to %2).</source>
        <translation>El trabajo debe terminar después de empezar (%1 a %2).</translation>
    </message>
    <message>
        <source>At least one working day is needed.</source>
        <translation>Se necesita al menos un día hábil.</translation>
    </message>
    <message>
        <source>Working days are Monday (0) to Sunday (6).</source>
        <translation>Los días hábiles van del lunes (0) al domingo (6).</translation>
    </message>
    <message>
        <source>A state or province needs a country.</source>
        <translation>Un estado o provincia necesita un país.</translation>
    </message>
    <message>
        <source>No public holidays are known for the country %1 (use a two-letter code, e.g. US, CA, GB).</source>
        <translation>No se conocen feriados para el país %1 (use un código de dos letras, p. ej., US, CA, GB).</translation>
    </message>
    <message>
        <source>%1 is not a subdivision of %2 with known holidays (e.g. %3).</source>
        <translation>%1 no es una subdivisión de %2 con feriados conocidos (p. ej., %3).</translation>
    </message>
    <message>
        <source>%1 is not a date as YYYY-MM-DD (e.g. 2026-02-09).</source>
        <translation>%1 no es una fecha en formato AAAA-MM-DD (p. ej., 2026-02-09).</translation>
    </message>
</context>
<context>
    <name>SlaAdminWords</name>
    <message>
        <source>gone</source>
        <translation>eliminada</translation>
    </message>
    <message>
        <source>Added the policy %1 (%2).</source>
        <translation>Se agregó la política %1 (%2).</translation>
    </message>
    <message>
        <source>%1: nothing to change.</source>
        <translation>%1: nada que cambiar.</translation>
    </message>
    <message>
        <source>%1 is now %2. This applies to cases opened from now on; open cases keep their due dates and turn at risk after %3 of their time.</source>
        <translation>%1 ahora es %2. Esto se aplica a los casos abiertos de ahora en adelante; los casos abiertos conservan su vencimiento y pasan a estar en riesgo tras el %3 de su tiempo.</translation>
    </message>
    <message>
        <source>%1 is now %2. This applies to cases opened from now on; open cases keep their due dates.</source>
        <translation>%1 ahora es %2. Esto se aplica a los casos abiertos de ahora en adelante; los casos abiertos conservan su vencimiento.</translation>
    </message>
    <message>
        <source>Calendar %1: nothing to change.</source>
        <translation>Calendario %1: nada que cambiar.</translation>
    </message>
    <message>
        <source>Calendar %1 now works %2 (%3). This applies to cases opened from now on; open cases keep their due dates.</source>
        <translation>El calendario %1 ahora trabaja %2 (%3). Esto se aplica a los casos abiertos de ahora en adelante; los casos abiertos conservan su vencimiento.</translation>
    </message>
    <message>
        <source>%1 working hours, at risk after %2, calendar %3</source>
        <translation>%1 horas hábiles, en riesgo tras el %2, calendario %3</translation>
    </message>
    <message>
        <source>%1 hours around the clock, at risk after %2, calendar %3</source>
        <translation>%1 horas corridas, en riesgo tras el %2, calendario %3</translation>
    </message>
    <message>
        <source>the first</source>
        <translation>el primero</translation>
    </message>
    <message>
        <source>%1, no public holidays</source>
        <translation>%1, sin feriados</translation>
    </message>
    <message>
        <source>%1, public holidays of %2</source>
        <translation>%1, feriados de %2</translation>
    </message>
    <message>
        <source>Declared %1 closed: it was no working day anyway, so no due date moved.</source>
        <translation>Se declaró cerrado el %1: de todos modos no era día hábil, así que ningún vencimiento cambió.</translation>
    </message>
    <message>
        <source>Declared %2 closed: 1 open case now due later.</source>
        <translation>Se declaró cerrado el %2: 1 caso abierto ahora vence más tarde.</translation>
    </message>
    <message>
        <source>Declared %2 closed: %1 open cases now due later.</source>
        <translation>Se declaró cerrado el %2: %1 casos abiertos ahora vencen más tarde.</translation>
    </message>
    <message>
        <source>%1 is no longer a closure day; it is no working day anyway, so no due date moved.</source>
        <translation>El %1 ya no es día de cierre; de todos modos no es día hábil, así que ningún vencimiento cambió.</translation>
    </message>
    <message>
        <source>%2 is a working day again: 1 open case is due earlier again.</source>
        <translation>El %2 vuelve a ser día hábil: 1 caso abierto vuelve a vencer antes.</translation>
    </message>
    <message>
        <source>%2 is a working day again: %1 open cases are due earlier again.</source>
        <translation>El %2 vuelve a ser día hábil: %1 casos abiertos vuelven a vencer antes.</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
</context>
<context>
    <name>SlaDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>%1 is not a number.</source>
        <translation>%1 no es un número.</translation>
    </message>
    <message>
        <source>The first calendar</source>
        <translation>El primer calendario</translation>
    </message>
</context>
<context>
    <name>SlaPage</name>
    <message>
        <source>SLA policies &amp; calendars</source>
        <translation>Políticas de SLA y calendarios</translation>
    </message>
    <message>
        <source>SLA policies</source>
        <translation>Políticas de SLA</translation>
    </message>
    <message>
        <source>Business calendars</source>
        <translation>Calendarios laborales</translation>
    </message>
    <message>
        <source>Closure days of the chosen calendar</source>
        <translation>Días de cierre del calendario elegido</translation>
    </message>
    <message>
        <source>&amp;Add policy…</source>
        <translation>&amp;Agregar política…</translation>
    </message>
    <message>
        <source>&amp;Change policy…</source>
        <translation>Cambiar &amp;política…</translation>
    </message>
    <message>
        <source>Ca&amp;lendar settings…</source>
        <translation>Configurar ca&amp;lendario…</translation>
    </message>
    <message>
        <source>&amp;Declare a closure day…</source>
        <translation>&amp;Declarar día de cierre…</translation>
    </message>
    <message>
        <source>&amp;Remove closure day…</source>
        <translation>&amp;Quitar día de cierre…</translation>
    </message>
    <message>
        <source>No closure day. When the city closes (a snow day), declare it here: the open cases it touches become due later.</source>
        <translation>No hay días de cierre. Cuando la ciudad cierre (por una nevada), declárelo aquí: los casos abiertos afectados vencerán más tarde.</translation>
    </message>
    <message>
        <source>Closure days</source>
        <translation>Días de cierre</translation>
    </message>
    <message>
        <source>Add an SLA policy</source>
        <translation>Agregar una política de SLA</translation>
    </message>
    <message>
        <source>Declare a closure day</source>
        <translation>Declarar un día de cierre</translation>
    </message>
    <message>
        <source>Change the selected policy, or the selected calendar</source>
        <translation>Cambiar la política seleccionada o el calendario seleccionado</translation>
    </message>
    <message>
        <source>Declare a closure day on the selected calendar</source>
        <translation>Declarar un día de cierre en el calendario seleccionado</translation>
    </message>
    <message>
        <source>Remove the closure day?</source>
        <translation>¿Quitar el día de cierre?</translation>
    </message>
    <message>
        <source>Open %1 (%2) again on %3?</source>
        <translation>¿Reabrir el %1 (%2) en el calendario %3?</translation>
    </message>
    <message>
        <source>The open cases it made due later become due earlier again.</source>
        <translation>Los casos abiertos cuyo vencimiento se había aplazado vuelven a vencer antes.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Could not read the SLA policies: %1</source>
        <translation>No se pudieron leer las políticas de SLA: %1</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
</context>
<context>
    <name>SlaTables</name>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <source>Target (hours)</source>
        <translation>Objetivo (horas)</translation>
    </message>
    <message>
        <source>At risk after</source>
        <translation>En riesgo al</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Días hábiles</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>Feriados</translation>
    </message>
    <message>
        <source>Closure days</source>
        <translation>Días de cierre</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Horario hábil</translation>
    </message>
    <message>
        <source>Around the clock</source>
        <translation>Las 24 horas</translation>
    </message>
    <message>
        <source>(the first)</source>
        <translation>(el primero)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
</context>
<context>
    <name>StaffAdminProblems</name>
    <message>
        <source>%1 is not a login the console accepts: use 2 to 63 lower-case letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>%1 no es un usuario que la consola acepte: use de 2 a 63 minúsculas, dígitos, &apos;_&apos;, &apos;.&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>%1 is not a login the console accepts: logins that start with %2 are kept for the database&apos;s own roles.</source>
        <translation>%1 no es un usuario que la consola acepte: los usuarios que empiezan por %2 se reservan para los roles propios de la base de datos.</translation>
    </message>
    <message>
        <source>%1 is not a role: choose %2.</source>
        <translation>%1 no es un rol: elija %2.</translation>
    </message>
    <message>
        <source>Give the person&apos;s name, as colleagues will read it.</source>
        <translation>Escriba el nombre de la persona, tal como lo leerán sus colegas.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>%1 is not an e-mail address (like name@city.gov).</source>
        <translation>%1 no es un correo electrónico (como nombre@ciudad.gov).</translation>
    </message>
    <message>
        <source>This database has no sign-in (the SQLite demo picks a person at start): no password can be set.</source>
        <translation>Esta base de datos no tiene inicio de sesión (la demo en SQLite elige a una persona al empezar): no se puede definir una contraseña.</translation>
    </message>
    <message>
        <source>The first password must have at least %1 characters.</source>
        <translation>La primera contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>No active queue, team or crew has the code %1.</source>
        <translation>Ninguna cola, equipo o cuadrilla activa tiene el código %1.</translation>
    </message>
    <message>
        <source>The login %1 exists already: %2, %3.</source>
        <translation>El usuario %1 ya existe: %2, %3.</translation>
    </message>
    <message>
        <source>The login %1 exists already: %2, %3 (disabled; enable them instead).</source>
        <translation>El usuario %1 ya existe: %2, %3 (desactivado; actívelo en su lugar).</translation>
    </message>
    <message>
        <source>The login %1 exists already as a superuser of the database server; choose another login.</source>
        <translation>El usuario %1 ya existe como superusuario del servidor de base de datos; elija otro usuario.</translation>
    </message>
    <message>
        <source>The login %1 exists already in %2; choose another login.</source>
        <translation>El usuario %1 ya existe en %2; elija otro usuario.</translation>
    </message>
    <message>
        <source>%1 is a database role that cannot sign in; choose another login.</source>
        <translation>%1 es un rol de la base de datos que no puede iniciar sesión; elija otro usuario.</translation>
    </message>
    <message>
        <source>%1 (%2) is on the staff already as %3, without a login: add them as %3 to give them their login, then change the role.</source>
        <translation>%1 (%2) ya está en el personal como %3, sin usuario: agréguelo como %3 para darle su usuario y luego cambie el rol.</translation>
    </message>
    <message>
        <source>The database login %1 exists already: it is adopted with the password its database administrator set; add them without a password.</source>
        <translation>El usuario de base de datos %1 ya existe: se adopta con la contraseña que definió su administrador de base de datos; agréguelo sin contraseña.</translation>
    </message>
    <message>
        <source>A password must have at least %1 characters.</source>
        <translation>Una contraseña debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>%1 (%2) has no database login: add them again with their login to give them one.</source>
        <translation>%1 (%2) no tiene usuario de base de datos: agréguelo de nuevo con su usuario para darle uno.</translation>
    </message>
    <message>
        <source>You cannot disable yourself or take away your own admin role; another admin can.</source>
        <translation>Usted no puede desactivarse ni quitarse su propio rol de administrador; otro administrador puede hacerlo.</translation>
    </message>
    <message>
        <source>%1 (%2) is the last active admin: make someone else an admin first.</source>
        <translation>%1 (%2) es el último administrador activo: primero haga administrador a otra persona.</translation>
    </message>
    <message>
        <source>No staff member has the login %1.</source>
        <translation>Nadie del personal tiene el usuario %1.</translation>
    </message>
</context>
<context>
    <name>StaffAdminWords</name>
    <message>
        <source>%1: nothing to change.</source>
        <translation>%1: nada que cambiar.</translation>
    </message>
    <message>
        <source>Added %2 as %3, in 1 queue.</source>
        <translation>Se agregó a %2 como %3, en 1 cola.</translation>
    </message>
    <message>
        <source>Added %2 as %3, in %1 queues.</source>
        <translation>Se agregó a %2 como %3, en %1 colas.</translation>
    </message>
    <message>
        <source>Added %1 as %2.</source>
        <translation>Se agregó a %1 como %2.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ahora es %2.</translation>
    </message>
    <message>
        <source>Disabled %1: they can no longer sign in; their history stays.</source>
        <translation>Se desactivó a %1: ya no puede iniciar sesión; su historial se conserva.</translation>
    </message>
    <message>
        <source>Enabled %1: they can sign in again as %2.</source>
        <translation>Se activó a %1: puede iniciar sesión de nuevo como %2.</translation>
    </message>
    <message>
        <source>Set a new password for %1.</source>
        <translation>Se definió una contraseña nueva para %1.</translation>
    </message>
    <message>
        <source>%1 was on the staff without a login: Created database login %2 in the %3 group; their name, role and queues stay as they were.</source>
        <translation>%1 estaba en el personal sin usuario: se creó el usuario de base de datos %2 en el grupo %3; su nombre, rol y colas quedan como estaban.</translation>
    </message>
    <message>
        <source>%1 was on the staff without a login: Adopted the existing database login %2 in the %3 group; their name, role and queues stay as they were.</source>
        <translation>%1 estaba en el personal sin usuario: se adoptó el usuario de base de datos existente %2 en el grupo %3; su nombre, rol y colas quedan como estaban.</translation>
    </message>
    <message>
        <source>%1 now works in %2.</source>
        <translation>%1 ahora trabaja en %2.</translation>
    </message>
    <message>
        <source>%1 now works in no queue.</source>
        <translation>%1 ahora no trabaja en ninguna cola.</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operador</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>despachador</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>operador</translation>
    </message>
    <message>
        <source>a dispatcher</source>
        <translation>despachador</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>administrador</translation>
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
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Cambiar &amp;rol…</translation>
    </message>
    <message>
        <source>&amp;Queues…</source>
        <translation>C&amp;olas…</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>Fijar &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>Agregar un miembro del personal</translation>
    </message>
    <message>
        <source>Change the role of the selected person (or double-click)</source>
        <translation>Cambiar el rol de la persona seleccionada (o doble clic)</translation>
    </message>
    <message>
        <source>Could not read the staff: %1</source>
        <translation>No se pudo leer el personal: %1</translation>
    </message>
    <message>
        <source>Disable the login?</source>
        <translation>¿Desactivar el acceso?</translation>
    </message>
    <message>
        <source>Disable %1 (%2)?</source>
        <translation>¿Desactivar a %1 (%2)?</translation>
    </message>
    <message>
        <source>They can no longer sign in. Their history stays; you can enable them again.</source>
        <translation>Ya no podrá iniciar sesión. Su historial se conserva; puede volver a activar su acceso.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>%1 active of %2</source>
        <translation>%1 activos de %2</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>No se cambió nada: %1</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Ac&amp;tivar</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Colas</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>No login</source>
        <translation>Sin acceso</translation>
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
        <source>Admin</source>
        <translation>Administrador</translation>
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
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>First start: building the demo city from Boston&apos;s 311 data (25,000 requests). This takes a few seconds, once.</source>
        <translation>Primer inicio: se está creando la ciudad de demostración con los datos 311 de Boston (25.000 solicitudes). Tarda unos segundos, solo esta vez.</translation>
    </message>
    <message>
        <source>the demo city on this computer</source>
        <translation>la ciudad de demostración de este equipo</translation>
    </message>
    <message>
        <source>Sign in to %1.</source>
        <translation>Inicie sesión en %1.</translation>
    </message>
    <message>
        <source>Signing in to %1 as %2…</source>
        <translation>Iniciando sesión en %1 como %2…</translation>
    </message>
    <message>
        <source>The console could not open its window: %1</source>
        <translation>La consola no pudo abrir su ventana: %1</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Cerrando sesión…</translation>
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
    <name>StatusCallScript</name>
    <message>
        <source>received, not yet sent on</source>
        <translation>recibida, todavía sin derivar</translation>
    </message>
    <message>
        <source>sent there, waiting to be queued</source>
        <translation>derivada allí, esperando entrar en cola</translation>
    </message>
    <message>
        <source>waiting to be assigned</source>
        <translation>esperando ser asignada</translation>
    </message>
    <message>
        <source>work has started</source>
        <translation>ya se empezó a trabajar</translation>
    </message>
    <message>
        <source>the problem was fixed</source>
        <translation>el problema se reparó</translation>
    </message>
    <message>
        <source>it repeated another request</source>
        <translation>repetía otra solicitud</translation>
    </message>
    <message>
        <source>it is not the city&apos;s responsibility</source>
        <translation>no es responsabilidad de la ciudad</translation>
    </message>
    <message>
        <source>no further action was needed</source>
        <translation>no hacía falta hacer nada más</translation>
    </message>
    <message>
        <source>it was referred elsewhere</source>
        <translation>se remitió a otra entidad</translation>
    </message>
    <message>
        <source>it was cancelled</source>
        <translation>se canceló</translation>
    </message>
    <message>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>moved along</source>
        <translation>avanzó</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelta</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>reabierta</translation>
    </message>
    <message>
        <source>due date moved</source>
        <translation>cambió la fecha de vencimiento</translation>
    </message>
    <message>
        <source>It was resolved on %1: %2.</source>
        <translation>Se resolvió el %1: %2.</translation>
    </message>
    <message>
        <source>It was resolved on %1.</source>
        <translation>Se resolvió el %1.</translation>
    </message>
    <message>
        <source>It was resolved: %2.</source>
        <translation>Se resolvió: %2.</translation>
    </message>
    <message>
        <source>It was resolved.</source>
        <translation>Se resolvió.</translation>
    </message>
    <message>
        <source>It was closed on %1: %2.</source>
        <translation>Se cerró el %1: %2.</translation>
    </message>
    <message>
        <source>It was closed on %1.</source>
        <translation>Se cerró el %1.</translation>
    </message>
    <message>
        <source>It was closed: %2.</source>
        <translation>Se cerró: %2.</translation>
    </message>
    <message>
        <source>It was closed.</source>
        <translation>Se cerró.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%2 de %1</translation>
    </message>
    <message>
        <source>%3, %1 %2</source>
        <translation>%3 %2 de %1</translation>
    </message>
    <message>
        <source>%1 %2, %4</source>
        <translation>%2 de %1 de %4</translation>
    </message>
    <message>
        <source>%3, %1 %2, %4</source>
        <translation>%3 %2 de %1 de %4</translation>
    </message>
    <message>
        <source>Your request %1 about %2 at %3 was received on %4.</source>
        <translation>Su solicitud %1 sobre %2 en %3 se recibió el %4.</translation>
    </message>
    <message>
        <source>Your request %1 about %2 was received on %3.</source>
        <translation>Su solicitud %1 sobre %2 se recibió el %3.</translation>
    </message>
    <message>
        <source>It was closed as a repeat of request %1, where the work is followed.</source>
        <translation>Se cerró por repetir la solicitud %1, donde se da seguimiento al trabajo.</translation>
    </message>
    <message>
        <source>It has not been sent to a department yet.</source>
        <translation>Todavía no se envió a ningún departamento.</translation>
    </message>
    <message>
        <source>It is with %1 (%2).</source>
        <translation>Está a cargo de %1 (%2).</translation>
    </message>
    <message>
        <source>assigned to a crew</source>
        <translation>asignada a una cuadrilla</translation>
    </message>
    <message>
        <source>assigned to a team</source>
        <translation>asignada a un equipo</translation>
    </message>
    <message>
        <source>assigned to a member of staff</source>
        <translation>asignada a un miembro del personal</translation>
    </message>
    <message>
        <source>There is no public update on it yet.</source>
        <translation>Todavía no hay ninguna actualización pública.</translation>
    </message>
    <message>
        <source>The last update, on %1: “%2”.</source>
        <translation>La última actualización, del %1: “%2”.</translation>
    </message>
    <message>
        <source>If the problem is still there, it can be reopened.</source>
        <translation>Si el problema sigue, se puede reabrir.</translation>
    </message>
    <message>
        <source>There is no target date for this kind of request.</source>
        <translation>Este tipo de solicitud no tiene fecha objetivo.</translation>
    </message>
    <message>
        <source>It was expected by %1, so it is overdue.</source>
        <translation>Se esperaba para el %1, así que está vencida.</translation>
    </message>
    <message>
        <source>We expect it to be done by %1.</source>
        <translation>Esperamos que esté lista para el %1.</translation>
    </message>
</context>
<context>
    <name>StatusNames</name>
    <message>
        <source>received</source>
        <translation>recibido</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>enrutado</translation>
    </message>
    <message>
        <source>in queue</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>asignado</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
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
        <source>At risk today</source>
        <translation>En riesgo hoy</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencidos</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reabiertos</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>Reassign selected…</source>
        <translation>Reasignar selección…</translation>
    </message>
    <message>
        <source>Retry on the current cases</source>
        <translation>Reintentar con los casos actuales</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>No case in this bucket</source>
        <translation>Ningún caso en este grupo</translation>
    </message>
    <message>
        <source>Open the case on the Case tab (or double-click it)</source>
        <translation>Abrir el caso en la pestaña Caso (o hacer doble clic en él)</translation>
    </message>
    <message>
        <source>Select several cases to reassign (Shift+click: a range)</source>
        <translation>Seleccionar varios casos para reasignar (Mayús+clic: un rango)</translation>
    </message>
    <message>
        <source>Select every case shown</source>
        <translation>Seleccionar todos los casos mostrados</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not read the queues you cover: %1</source>
        <translation>No se pudieron leer las colas que usted supervisa: %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln queue(s)</source>
        <translation>
            <numerusform>%Ln cola</numerusform>
            <numerusform>%Ln colas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln department(s)</source>
        <translation>
            <numerusform>%Ln departamento</numerusform>
            <numerusform>%Ln departamentos</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the people: %1</source>
        <translation>No se pudo leer la lista de personas: %1</translation>
    </message>
    <message>
        <source>Could not read the cases of this bucket: %1</source>
        <translation>No se pudieron leer los casos de este grupo: %1</translation>
    </message>
    <message>
        <source>Could not count the buckets: %1</source>
        <translation>No se pudieron contar los casos de cada grupo: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionado</numerusform>
            <numerusform>%n seleccionados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s) reassigned</source>
        <translation>
            <numerusform>%Ln caso reasignado</numerusform>
            <numerusform>%Ln casos reasignados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected case(s) not changed, still selected:</source>
        <translation>
            <numerusform>%Ln caso seleccionado no cambió; sigue seleccionado:</numerusform>
            <numerusform>%Ln casos seleccionados no cambiaron; siguen seleccionados:</numerusform>
        </translation>
    </message>
    <message>
        <source>Case #%1: already as asked</source>
        <translation>Caso n.º %1: ya estaba como se pidió</translation>
    </message>
    <message>
        <source>no queue</source>
        <translation>sin cola</translation>
    </message>
    <message>
        <source>%1: already in %2, assigned to %3</source>
        <translation>%1: ya está en %2, asignado a %3</translation>
    </message>
    <message>
        <source>%1: already in %2, with nobody assigned</source>
        <translation>%1: ya está en %2, sin nadie asignado</translation>
    </message>
    <message>
        <source>Nothing was reassigned</source>
        <translation>No se reasignó nada</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 wk</source>
        <translation>%1 sem</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 ft</source>
        <translation>%1 pies</translation>
    </message>
    <message>
        <source>%1 mi</source>
        <translation>%1 mi</translation>
    </message>
</context>
<context>
    <name>WorklistsPanel</name>
    <message>
        <source>Go to my open cases</source>
        <translation>Ir a mis casos abiertos</translation>
    </message>
    <message>
        <source>Go to my resolved and closed cases</source>
        <translation>Ir a mis casos resueltos y cerrados</translation>
    </message>
    <message>
        <source>Go to the saved searches</source>
        <translation>Ir a las búsquedas guardadas</translation>
    </message>
    <message>
        <source>Open the case, or run the saved search, that is chosen</source>
        <translation>Abrir el caso elegido o ejecutar la búsqueda guardada elegida</translation>
    </message>
    <message>
        <source>Save the search in Find a case under a name</source>
        <translation>Guardar con un nombre la búsqueda de Buscar un caso</translation>
    </message>
    <message>
        <source>Delete the chosen saved search (your own)</source>
        <translation>Eliminar la búsqueda guardada elegida (solo las suyas)</translation>
    </message>
</context>
</TS>
