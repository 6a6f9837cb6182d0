<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CameraStrip</name>
    <message>
        <source>loading</source>
        <translation>cargando</translation>
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
        <source>Checked just now.</source>
        <translation>Consultado hace un momento.</translation>
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
        <translation>Registro de actividad</translation>
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
        <source>Recordings index is up to date.</source>
        <translation>El índice de grabaciones está al día.</translation>
    </message>
    <message>
        <source>New footage request</source>
        <translation>Nueva solicitud de grabaciones</translation>
    </message>
    <message>
        <source>{agency} asks about case {case}. Open the app to review.</source>
        <translation>{agency} pregunta por el caso {case}. Abra la aplicación para revisarla.</translation>
    </message>
    <message>
        <source>Still watching</source>
        <translation>Sigue vigilando</translation>
    </message>
    <message>
        <source>Footage requests keeps running; open it from the tray icon.</source>
        <translation>Solicitudes de grabaciones sigue en marcha; ábrala desde el icono de la bandeja.</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <source>Draw privacy masks once per camera in Settings → Privacy masks: click the corners of an area (a neighbour&apos;s window, a garden) to black it out in every export.</source>
        <translation>Dibuje las máscaras de privacidad una vez por cámara en Ajustes → Máscaras de privacidad: haga clic en las esquinas de una zona (la ventana de un vecino, un jardín) para taparla en negro en cada exportación.</translation>
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
        <source>Every face is found on this computer and blurred in every frame. The whole clip is re-encoded; your recording is not changed.</source>
        <translation>Todas las caras se buscan en este ordenador y se difuminan en cada imagen. Se vuelve a codificar todo el clip; su grabación no cambia.</translation>
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
        <source>Send even if damaged frames must be left out</source>
        <translation>Enviar aunque haya que omitir imágenes dañadas</translation>
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
        <source>every face blurred</source>
        <translation>todas las caras difuminadas</translation>
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
        <source>Starting…</source>
        <translation>Empezando…</translation>
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
        <source>Stopped. Nothing was sent, and no partial package was kept.</source>
        <translation>Detenido. No se envió nada y no se guardó ningún paquete a medias.</translation>
    </message>
    <message>
        <source>It did not work</source>
        <translation>No funcionó</translation>
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
        <translation>Sus grabaciones de ese momento. Arrastre los tiradores azules para enviar menos; haga clic para ver un momento.</translation>
    </message>
    <message>
        <source>What will leave this PC</source>
        <translation>Lo que saldrá de este ordenador</translation>
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
        <source>This request: {state}.</source>
        <translation>Esta solicitud: {state}.</translation>
    </message>
    <message>
        <source>Sending the approved footage to {agency} again</source>
        <translation>Enviando de nuevo las grabaciones aprobadas a {agency}</translation>
    </message>
    <message>
        <source>Sending {duration} of footage to {agency}</source>
        <translation>Enviando {duration} de grabación a {agency}</translation>
    </message>
    <message>
        <source>That did not work: {problem}</source>
        <translation>No funcionó: {problem}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline of {camera}</source>
        <translation>Línea de tiempo de {camera}</translation>
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
        <source>some times come from file dates only</source>
        <translation>algunas horas vienen solo de las fechas de los archivos</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
    <message>
        <source>{weekday} {day} {month}</source>
        <translation>{weekday} {day} {month}</translation>
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
        <source>{n} bytes</source>
        <translation>{n} bytes</translation>
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
</context>
<context>
    <name>outcomes</name>
    <message>
        <source>Finding the recordings</source>
        <translation>Buscando las grabaciones</translation>
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
        <source>{frames} damaged frame(s) could not be decoded and were left out</source>
        <translation>{frames} imagen(es) dañada(s) no se pudieron leer y se omitieron</translation>
    </message>
    <message>
        <source>, and {pieces} piece(s) of sound were silenced</source>
        <translation>, y {pieces} fragmento(s) de sonido se silenciaron</translation>
    </message>
    <message>
        <source> (you accepted this; the package says so).</source>
        <translation> (usted lo aceptó; el paquete lo indica).</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>sent; the agency&apos;s signed receipt matches what was sent</source>
        <translation>enviado; el acuse de recibo firmado de la agencia coincide con lo enviado</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
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
        <translation>Preparando la grabación</translation>
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
        <source>not given</source>
        <translation>no indicada</translation>
    </message>
    <message>
        <source>Not accepted: {reason}</source>
        <translation>No aceptado: {reason}</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>Footage you share becomes part of a police case file. Once the case is closed, it can be released to anyone who asks under public records law.</source>
        <translation>Las grabaciones que comparta pasan a formar parte del expediente policial de un caso. Una vez cerrado el caso, pueden entregarse a cualquier persona que las pida según la ley de registros públicos.</translation>
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
        <source>{camera}: no recording in this time, nothing from this camera</source>
        <translation>{camera}: no hay grabación en este tiempo, no se envía nada de esta cámara</translation>
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
        <source>Hiding re-encodes the whole clip; your own recording is not changed.</source>
        <translation>Ocultar partes vuelve a codificar todo el clip; su propia grabación no cambia.</translation>
    </message>
    <message>
        <source>{camera}: starts {seconds} s after your start (the first full picture); choose &apos;Exact&apos; to start on the second</source>
        <translation>{camera}: empieza {seconds} s después de su inicio (la primera imagen completa); elija «Inicio exacto» para empezar en el segundo</translation>
    </message>
</context>
</TS>
