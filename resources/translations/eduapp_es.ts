<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <location filename="../../eduapp/ui/clinician/models.py" line="+122"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../eduapp/ui/print/summary_html.py" line="+98"/>
        <source>Visit code</source>
        <translation>Código de visita</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Modules done</source>
        <translation>Temas realizados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scores</source>
        <translation>Puntajes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Needs
discussion</source>
        <translation>Para
comentar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No quiz taken</source>
        <translation>Sin cuestionario</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1/%2 so far</source>
        <translation>%1/%2 hasta ahora</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../eduapp/ui/clinician/today.py" line="+270"/>
        <location filename="../../eduapp/ui/print/summary_html.py" line="-1"/>
        <source>No visit code</source>
        <translation>Sin código de visita</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <location filename="../../eduapp/ui/clinician/today.py" line="+3"/>
        <source>%n objectives to discuss</source>
        <translation>
            <numerusform>%n objetivo para comentar</numerusform>
            <numerusform>%n objetivos para comentar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../eduapp/ui/clinician/today.py" line="+1"/>
        <source>Nothing to discuss</source>
        <translation>Nada para comentar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first try %1 of %3, final %2 of %3</source>
        <translation>primer intento %1 de %3, final %2 de %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Session #%1, %2 to %3</source>
        <translation>Sesión #%1, de %2 a %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To discuss: %1</source>
        <translation>Para comentar: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+52"/>
        <location filename="../../eduapp/ui/print/summary_html.py" line="+12"/>
        <source>Module</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First tries</source>
        <translation>Primeros intentos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right first time</source>
        <translation>Acierto al primer intento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Most chosen wrong answer</source>
        <translation>Respuesta incorrecta más elegida</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No first tries yet</source>
        <translation>Aún no hay primeros intentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No wrong answer chosen</source>
        <translation>No se eligió ninguna respuesta incorrecta</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Chosen %n times on a first try</source>
        <translation>
            <numerusform>Elegida %n vez en un primer intento</numerusform>
            <numerusform>Elegida %n veces en un primer intento</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asked again after a review, not counted here: %1 of %2 right</source>
        <translation>Preguntada de nuevo tras un repaso, no se cuenta aquí: %1 de %2 bien</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n times</source>
        <translation>
            <numerusform>%n vez</numerusform>
            <numerusform>%n veces</numerusform>
        </translation>
    </message>
    <message>
        <location line="-20"/>
        <source>%1 of %2 first tries were right</source>
        <translation>%1 de %2 primeros intentos fueron correctos</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions missed / quizzed</source>
        <translation>Sesiones no logradas / evaluadas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not quizzed yet</source>
        <translation>Aún sin preguntas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 de %2 (%3%)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/print/summary_html.py" line="+26"/>
        <source>Teach-back:</source>
        <translation>Repetir para confirmar:</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Talk about: %1</source>
        <translation>Comentar: %1</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>No quiz was taken in this session.</source>
        <translation>En esta sesión no se respondieron preguntas.</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Right</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong</source>
        <translation>Incorrecta</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+69"/>
        <source>First try</source>
        <translation>Primer intento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asked instead: %1</source>
        <translation>Se preguntó en su lugar: %1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Retry (try %1)</source>
        <translation>Reintento (intento %1)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/wording.py" line="+147"/>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not finished</source>
        <translation>Sin terminar</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stopped: %n to discuss</source>
        <translation>
            <numerusform>Detenido: %n para comentar</numerusform>
            <numerusform>Detenido: %n para comentar</numerusform>
        </translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Understood on first try</source>
        <translation>Entendido al primer intento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Understood after review</source>
        <translation>Entendido después de repasar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet: discuss</source>
        <translation>Aún no: comentar</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/print/summary_html.py" line="-79"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Modules</source>
        <translation>Temas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>To discuss</source>
        <translation>Para comentar</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Nothing: every objective quizzed was understood.</source>
        <translation>Nada: se entendieron todos los objetivos evaluados.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Left out to fit one page: the result of every objective.</source>
        <translation>Se omitió para que quepa en una página: el resultado de cada objetivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning objectives</source>
        <translation>Objetivos de aprendizaje</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anonymous session: no name or birth date is stored.</source>
        <translation>Sesión anónima: no se guarda ningún nombre ni fecha de nacimiento.</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/print/session_summary.py" line="+67"/>
        <location filename="../../eduapp/ui/print/summary_html.py" line="-15"/>
        <source>Patient education summary</source>
        <translation>Resumen de educación para el paciente</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/wording.py" line="-115"/>
        <source>the database is in use by another program</source>
        <translation>otro programa está usando la base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the data folder cannot be written to</source>
        <translation>no se puede escribir en la carpeta de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database file is damaged</source>
        <translation>el archivo de la base de datos está dañado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database was made by a newer version of eduapp</source>
        <translation>la base de datos la creó una versión más nueva de eduapp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no database is open</source>
        <translation>no hay ninguna base de datos abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clinic&apos;s server cannot be reached</source>
        <translation>no se puede conectar con el servidor de la clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the database cannot be used</source>
        <translation>no se puede usar la base de datos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Phone numbers are not set: patients cannot be told whom to call. Set them in Settings.</source>
        <translation>Los números de teléfono no están configurados: no se puede decir a los pacientes a quién llamar. Configúrelos en Configuración.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Results are not being saved: %1.</source>
        <translation>Los resultados no se están guardando: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database was damaged. It was kept as %1 and a new one was started.</source>
        <translation>La base de datos estaba dañada. Se guardó como %1 y se empezó una nueva.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Results are not being saved right now: %1.</source>
        <translation>Los resultados no se están guardando ahora: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n answers and screen visits are kept in memory and will be saved as soon as the database can be written; do not close the app until this message is gone.</source>
        <translation>
            <numerusform>%n respuesta o pantalla vista se guarda en memoria y se guardará en cuanto se pueda escribir en la base de datos; no cierre la aplicación hasta que desaparezca este mensaje.</numerusform>
            <numerusform>%n respuestas y pantallas vistas se guardan en memoria y se guardarán en cuanto se pueda escribir en la base de datos; no cierre la aplicación hasta que desaparezca este mensaje.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Module &apos;%1&apos; is broken and hidden from patients: %2</source>
        <translation>El módulo «%1» tiene un error y no se muestra a los pacientes: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Showing the whole clinic: sessions from every device.</source>
        <translation>Se muestra toda la clínica: las sesiones de todos los equipos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This device shows only its own sessions not yet on the clinic&apos;s server: a finished session is deleted here once the server has it. Clinician computers show the whole clinic.</source>
        <translation>Este equipo muestra solo sus propias sesiones que aún no están en el servidor de la clínica: cada sesión terminada se borra aquí en cuanto el servidor la tiene. Los equipos del personal clínico muestran toda la clínica.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clinic&apos;s server cannot be reached (since %1). Only this device&apos;s sessions are shown; sessions from other devices are not.</source>
        <translation>No se puede conectar con el servidor de la clínica (desde las %1). Solo se muestran las sesiones de este equipo; las de los demás equipos no aparecen.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Too many wrong tries. Try again in %n seconds.</source>
        <translation>
            <numerusform>Demasiados intentos incorrectos. Vuelva a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiados intentos incorrectos. Vuelva a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>That PIN is not right. %n tries left before a pause.</source>
        <translation>
            <numerusform>Ese PIN no es correcto. Queda %n intento antes de una pausa.</numerusform>
            <numerusform>Ese PIN no es correcto. Quedan %n intentos antes de una pausa.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use digits only.</source>
        <translation>Use solo dígitos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use %1 to %2 digits.</source>
        <translation>Use de %1 a %2 dígitos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clinic&apos;s server cannot be reached, so the PIN cannot be changed now. The PIN is the same on every device; try again when the server is back.</source>
        <translation>No se puede conectar con el servidor de la clínica, así que ahora no se puede cambiar el PIN. El PIN es el mismo en todos los equipos; inténtelo de nuevo cuando el servidor vuelva a funcionar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This device cannot change the clinic&apos;s PIN: change it on a clinician computer.</source>
        <translation>Este equipo no puede cambiar el PIN de la clínica: cámbielo en un equipo del personal clínico.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PIN is already set.</source>
        <translation>Ya hay un PIN elegido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Must not be empty.</source>
        <translation>No puede quedar vacío.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be one line of at most %2 characters.</source>
        <translation>Debe ser una sola línea de %2 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must not contain {{ or }}.</source>
        <translation>No puede contener {{ ni }}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a whole number of hours from %1 to %2.</source>
        <translation>Debe ser un número entero de horas, de %1 a %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a whole number of minutes from %1 to %2.</source>
        <translation>Debe ser un número entero de minutos, de %1 a %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a whole number from %1 to %2.</source>
        <translation>Debe ser un número entero de %1 a %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must not be more than the hours of no solid food.</source>
        <translation>No puede ser mayor que las horas sin alimentos sólidos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a two-letter code such as &quot;en&quot;.</source>
        <translation>Debe ser un código de dos letras, como &quot;es&quot;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be a list of different two-letter codes such as [&quot;en&quot;, &quot;es&quot;].</source>
        <translation>Debe ser una lista de códigos de dos letras distintos, como [&quot;en&quot;, &quot;es&quot;].</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be true or false.</source>
        <translation>Debe ser verdadero o falso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be 0, 1 or 2.</source>
        <translation>Debe ser 0, 1 o 2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be &quot;letter&quot; or &quot;a4&quot;.</source>
        <translation>Debe ser &quot;letter&quot; o &quot;a4&quot;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be one of the languages offered.</source>
        <translation>Debe ser uno de los idiomas ofrecidos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a phone number: digits, spaces and + - ( ) ., with at least 3 digits.</source>
        <translation>Debe ser un número de teléfono: dígitos, espacios y + - ( ) ., con al menos 3 dígitos.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The settings could not be saved in %1 (%2); the file there was not changed.</source>
        <translation>No se pudo guardar la configuración en %1 (%2); el archivo que había no cambió.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder %1 cannot be written to (%2).</source>
        <translation>No se puede escribir en la carpeta %1 (%2).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Ask the patient to tell you in their own words: %1</source>
        <translation>Pida al paciente que le explique con sus propias palabras: %1</translation>
    </message>
</context>
<context>
    <name>AppointmentField</name>
    <message>
        <location filename="../../eduapp/ui/patient/appointment.py" line="+62"/>
        <location line="+6"/>
        <source>My session starts at</source>
        <translation>Mi sesión empieza a las</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Choose a time to print the times to stop eating and to arrive</source>
        <translation>Elija una hora para imprimir a qué hora dejar de comer y a qué hora llegar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a time</source>
        <translation>Elija una hora</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../eduapp/ui/clinician/settings.py" line="+670"/>
        <source>Change the clinician PIN</source>
        <translation>Cambiar el PIN clínico</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current PIN</source>
        <translation>PIN actual</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat the new PIN</source>
        <translation>Repita el PIN nuevo</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The new PIN: %1 to %2 digits. Only staff should know it.</source>
        <translation>El PIN nuevo: de %1 a %2 dígitos. Solo el personal debe conocerlo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change PIN</source>
        <translation>Cambiar PIN</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two new PINs are not the same.</source>
        <translation>Los dos PIN nuevos no coinciden.</translation>
    </message>
</context>
<context>
    <name>ClinicianWorkspace</name>
    <message>
        <location filename="../../eduapp/ui/clinician/workspace.py" line="+67"/>
        <source>Clinician workspace</source>
        <translation>Espacio de trabajo clínico</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to patient screens</source>
        <translation>Volver a las pantallas del paciente</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+5"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Results are not being saved, so there are no sessions to show. See the notice above.</source>
        <translation>Los resultados no se están guardando, así que no hay sesiones para mostrar. Vea el aviso de arriba.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presenter</source>
        <translation>Presentador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <location filename="../../eduapp/ui/patient/idle.py" line="+87"/>
        <source>Are you still there?</source>
        <translation>¿Sigue ahí?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>To keep your answers private, this screen will start over in %n seconds.</source>
        <translation>
            <numerusform>Para que sus respuestas sigan siendo privadas, esta pantalla volverá al inicio en %n segundo.</numerusform>
            <numerusform>Para que sus respuestas sigan siendo privadas, esta pantalla volverá al inicio en %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="+170"/>
        <source>%1: learning about your care</source>
        <translation>%1: aprender sobre su atención</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normal text</source>
        <translation>Texto normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Larger text</source>
        <translation>Texto grande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Largest text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read this screen aloud</source>
        <translation>Leer esta pantalla en voz alta</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop reading aloud</source>
        <translation>Dejar de leer en voz alta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slower</source>
        <translation>Más lento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read more slowly</source>
        <translation>Leer más despacio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All topics</source>
        <translation>Todos los temas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to all topics</source>
        <translation>Ir a todos los temas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff: open clinician mode</source>
        <translation>Personal: abrir el modo clínico</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Read aloud is not available</source>
        <translation>No se puede leer en voz alta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read aloud is not available in this language on this computer.</source>
        <translation>En esta computadora no se puede leer en voz alta en este idioma.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read aloud is not available on this computer. Please ask a member of staff.</source>
        <translation>No se puede leer en voz alta en esta computadora. Por favor, pida ayuda a alguien del personal.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause reading</source>
        <translation>Pausar la lectura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go on reading</source>
        <translation>Seguir leyendo</translation>
    </message>
</context>
<context>
    <name>ModuleCard</name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/patient/module_list.py" line="+32"/>
        <source>About %n minutes</source>
        <translation>
            <numerusform>Cerca de %n minuto</numerusform>
            <numerusform>Cerca de %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done: %1 of %2 understood</source>
        <translation>Terminado: entendió %1 de %2</translation>
    </message>
</context>
<context>
    <name>ModuleListPage</name>
    <message>
        <location line="+21"/>
        <source>Choose a topic</source>
        <translation>Elija un tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with the first one, or pick the one you want to know about most.</source>
        <translation>Empiece por el primero o elija el que más le interese.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>I am finished</source>
        <translation>Ya terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I am finished: clear my answers from the screen</source>
        <translation>Ya terminé: borrar mis respuestas de la pantalla</translation>
    </message>
</context>
<context>
    <name>NewerSettings</name>
    <message>
        <location filename="../../eduapp/ui/clinician/settings_moved.py" line="+32"/>
        <source>Load the newer settings</source>
        <translation>Cargar la configuración más reciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the newer settings, leaving what you typed unsaved</source>
        <translation>Cargar la configuración más reciente, sin guardar lo que escribió</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save mine anyway</source>
        <translation>Guardar la mía de todos modos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save mine anyway: your changes over theirs</source>
        <translation>Guardar la mía de todos modos: sus cambios sobre los de la otra computadora</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not saved: another computer changed the clinic&apos;s settings at %1, after you opened them. What you typed is still in the form.</source>
        <translation>No se guardó: otra computadora cambió la configuración de la clínica a las %1, después de que usted la abriera. Lo que escribió sigue en el formulario.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Their changes:</source>
        <translation>Lo que cambió la otra computadora:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They changed nothing this form shows.</source>
        <translation>No cambió nada de lo que muestra este formulario.</translation>
    </message>
</context>
<context>
    <name>PhonesGate</name>
    <message>
        <location filename="../../eduapp/ui/phones_gate.py" line="+29"/>
        <source>The patient screens cannot start yet</source>
        <translation>Las pantallas para pacientes todavía no pueden empezar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or edit the settings file %1 and start the app again.</source>
        <translation>O edite el archivo de configuración %1 y vuelva a abrir la aplicación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clinic&apos;s phone numbers are not set, so patients cannot be told whom to call.</source>
        <translation>Los números de teléfono de la clínica no están configurados, así que no se puede decir a los pacientes a quién llamar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff: set the clinic phone and the after-hours phone in the Settings tab of clinician mode (press the button below and enter the clinician PIN), then save; the welcome page then opens.</source>
        <translation>Personal: configure el teléfono de la clínica y el teléfono para después del horario en la pestaña Configuración del modo clínico (pulse el botón de abajo e introduzca el PIN clínico) y guarde; entonces se abrirá la página de bienvenida.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the Settings (clinician PIN)</source>
        <translation>Abrir la Configuración (PIN clínico)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../eduapp/ui/pin_dialog.py" line="+113"/>
        <source>Clinician PIN</source>
        <translation>PIN clínico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a clinician PIN</source>
        <translation>Elija un PIN clínico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For staff: enter the clinician PIN</source>
        <translation>Para el personal: ingrese el PIN clínico</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patients: please ask a member of staff.</source>
        <translation>Si es paciente, por favor pida ayuda al personal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat the PIN</source>
        <translation>Repita el PIN</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 to %2 digits. Only staff should know it.</source>
        <translation>De %1 a %2 dígitos. Solo el personal debe conocerlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save PIN</source>
        <translation>Guardar PIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The two PINs are not the same.</source>
        <translation>Los dos PIN no coinciden.</translation>
    </message>
</context>
<context>
    <name>PresenterTab</name>
    <message>
        <location filename="../../eduapp/ui/clinician/presenter.py" line="+51"/>
        <source>Outline of all modules and screens</source>
        <translation>Esquema de todos los temas y pantallas</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+55"/>
        <source>Clinician notes</source>
        <translation>Notas para el personal clínico</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Clinician notes for this screen</source>
        <translation>Notas para el personal clínico sobre esta pantalla</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+1"/>
        <source>Next module</source>
        <translation>Siguiente tema</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No notes for this screen.</source>
        <translation>No hay notas para esta pantalla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Teach-back</source>
        <translation>Repetir para confirmar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quiz questions this screen teaches</source>
        <translation>Preguntas del cuestionario sobre lo que enseña esta pantalla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning objectives</source>
        <translation>Objetivos de aprendizaje</translation>
    </message>
</context>
<context>
    <name>QuestionsTab</name>
    <message>
        <location filename="../../eduapp/ui/clinician/questions.py" line="+47"/>
        <source>“Right first time” is the share of patients who answered right on the first try (the facility index). A low share points to a question, or the screen that teaches it, that may need clearer words.</source>
        <translation>“Acierto al primer intento” es la proporción de pacientes que respondieron bien en el primer intento (el índice de facilidad). Una proporción baja señala una pregunta, o la pantalla que la enseña, que quizá necesite palabras más claras.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>First day of the range</source>
        <translation>Primer día del período</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day of the range</source>
        <translation>Último día del período</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Update the figures</source>
        <translation>Actualizar las cifras</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+6"/>
        <source>Questions, hardest first</source>
        <translation>Preguntas, las más difíciles primero</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Objectives most often not yet understood</source>
        <translation>Objetivos que con más frecuencia aún no se entienden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Objectives most often not yet understood at the end of a quiz</source>
        <translation>Objetivos que con más frecuencia aún no se entienden al final del cuestionario</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The answers cannot be read: %1.</source>
        <translation>No se pueden leer las respuestas: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No answers from %1 to %2.</source>
        <translation>No hay respuestas del %1 al %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln first tries</source>
        <translation>
            <numerusform>%Ln primer intento</numerusform>
            <numerusform>%Ln primeros intentos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <location filename="../../eduapp/ui/patient/quiz_page.py" line="+134"/>
        <source>Stop the quiz</source>
        <translation>Detener las preguntas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the quiz and see my results</source>
        <translation>Detener las preguntas y ver mis resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check my answer</source>
        <translation>Revisar mi respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Once more: question %1 of %2</source>
        <translation>Otra vez: pregunta %1 de %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose every answer that is true.</source>
        <translation>Elija todas las respuestas que son ciertas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one answer.</source>
        <translation>Elija una respuesta.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Yes, that&apos;s right.</source>
        <translation>Sí, es correcto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not quite.</source>
        <translation>No del todo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is more that is true here.</source>
        <translation>Hay algo más que también es cierto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>See my results</source>
        <translation>Ver mis resultados</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Answer %1: %2</source>
        <translation>Respuesta %1: %2</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../eduapp/ui/patient/results_page.py" line="+32"/>
        <source>Right the first time</source>
        <translation>Correctas al primer intento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Understood in the end</source>
        <translation>Entendidas al final</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Read this topic again</source>
        <translation>Leer este tema otra vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to all topics</source>
        <translation>Volver a todos los temas</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Your results</source>
        <translation>Sus resultados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Well done. You understood every idea in this topic.</source>
        <translation>¡Muy bien! Entendió todas las ideas de este tema.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some ideas are worth talking over with your care team. That is normal: these are new ideas, and your team is glad to explain them.</source>
        <translation>Vale la pena hablar de algunas ideas con su equipo de atención. Es normal: son ideas nuevas, y a su equipo le alegra explicarlas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Right the first time: %1</source>
        <translation>Correctas al primer intento: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Understood in the end: %1</source>
        <translation>Entendidas al final: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You understand this</source>
        <translation>Usted entiende esto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk with your care team about this</source>
        <translation>Hable de esto con su equipo de atención</translation>
    </message>
</context>
<context>
    <name>ScreenPage</name>
    <message>
        <location filename="../../eduapp/ui/patient/screen_page.py" line="+37"/>
        <source>Let&apos;s look at this again. Then you can try the question once more.</source>
        <translation>Veamos esto otra vez. Luego puede intentar la pregunta de nuevo.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back: previous screen</source>
        <translation>Atrás: pantalla anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Stop the quiz</source>
        <translation>Detener las preguntas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the quiz and see my results</source>
        <translation>Detener las preguntas y ver mis resultados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask me again</source>
        <translation>Preguntarme otra vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print my checklist</source>
        <translation>Imprimir mi lista</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start the quiz</source>
        <translation>Comenzar las preguntas</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Picture: %1</source>
        <translation>Imagen: %1</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../eduapp/ui/clinician/settings.py" line="-474"/>
        <source>Clinic details</source>
        <translation>Datos de la clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clinic phone</source>
        <translation>Teléfono de la clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-hours phone</source>
        <translation>Teléfono fuera de horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency number</source>
        <translation>Número de emergencia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No solid food for</source>
        <translation>Sin alimentos sólidos durante</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>hours before</source>
        <translation>horas antes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear liquids until</source>
        <translation>Líquidos claros hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrive early by</source>
        <translation>Llegar con anticipación de</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session length</source>
        <translation>Duración de la sesión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hours, e.g. 1 to 4</source>
        <translation>horas; p. ej., 1 a 4</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+2"/>
        <location line="+6"/>
        <source>Getting home after a session</source>
        <translation>Regreso a casa después de una sesión</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left empty: the value above</source>
        <translation>si queda vacío: el valor de arriba</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On every device</source>
        <translation>En todos los equipos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On this computer</source>
        <translation>En esta computadora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start over after</source>
        <translation>Volver al inicio después de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds without a touch</source>
        <translation>segundos sin tocar la pantalla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiosk: full screen; closing needs the PIN</source>
        <translation>Quiosco: pantalla completa; cerrar pide el PIN</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Languages offered</source>
        <translation>Idiomas disponibles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First language</source>
        <translation>Idioma inicial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal text</source>
        <translation>Texto normal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Larger text</source>
        <translation>Texto grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients start with</source>
        <translation>Los pacientes empiezan con</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text size patients start with</source>
        <translation>Tamaño de texto con el que empiezan los pacientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Patients start with high contrast</source>
        <translation>Los pacientes empiezan con alto contraste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper for printouts</source>
        <translation>Papel para imprimir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Old sessions and PIN</source>
        <translation>Sesiones antiguas y PIN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep sessions for</source>
        <translation>Conservar las sesiones durante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days, then delete them at start</source>
        <translation>días y luego eliminarlas al iniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+128"/>
        <source>Delete old sessions now</source>
        <translation>Eliminar ahora las sesiones antiguas</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Change PIN…</source>
        <translation>Cambiar PIN…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the clinician PIN</source>
        <translation>Cambiar el PIN clínico</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The languages offered and kiosk mode change the next time eduapp starts; the rest applies at once, or from the next patient.</source>
        <translation>Los idiomas ofrecidos y el modo quiosco cambian la próxima vez que se inicie eduapp; lo demás se aplica de inmediato o desde el próximo paciente.</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Saved for every device of the clinic.</source>
        <translation>Guardado para todos los equipos de la clínica.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to %1.</source>
        <translation>Se guardó en %1.</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard changes and show the saved settings</source>
        <translation>Descartar los cambios y mostrar la configuración guardada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save settings</source>
        <translation>Guardar configuración</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The settings file has a problem, so the defaults are shown for it. Saving writes a correct file.</source>
        <translation>El archivo de configuración tiene un problema, por lo que se muestran los valores predeterminados en su lugar. Al guardar, se escribe un archivo correcto.</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>Delete sessions older than %n days now</source>
        <translation>
            <numerusform>Eliminar ya las sesiones de más de %n día</numerusform>
            <numerusform>Eliminar ya las sesiones de más de %n días</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>These are the clinic&apos;s settings: saving them changes them on every device. Kiosk mode is this computer&apos;s own.</source>
        <translation>Esta es la configuración de la clínica: al guardarla, cambia en todos los equipos. El modo quiosco es propio de esta computadora.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clinic&apos;s server cannot be reached. These are the clinic&apos;s settings as this computer last saw them; changes cannot be saved until the server answers again.</source>
        <translation>No se puede conectar con el servidor de la clínica. Esta es la configuración de la clínica tal como la vio esta computadora la última vez; los cambios no se pueden guardar hasta que el servidor vuelva a responder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These are the clinic&apos;s settings. This device cannot change them: change them on a clinician computer.</source>
        <translation>Esta es la configuración de la clínica. Este equipo no puede cambiarla: cámbiela en un equipo del personal clínico.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Not saved: %n fields need a change.</source>
        <translation>
            <numerusform>No se guardó: %n campo necesita un cambio.</numerusform>
            <numerusform>No se guardó: %n campos necesitan un cambio.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not saved: this device cannot change the clinic&apos;s settings. Change them on a clinician computer.</source>
        <translation>No se guardó: este equipo no puede cambiar la configuración de la clínica. Cámbiela en un equipo del personal clínico.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: the clinic&apos;s server cannot be reached, and the settings are the same on every device. Nothing was changed; save again when the server answers.</source>
        <translation>No se guardó: no se puede conectar con el servidor de la clínica, y la configuración es la misma en todos los equipos. No se cambió nada; guarde de nuevo cuando el servidor responda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: the clinic&apos;s server could not save the settings. Nothing was changed.</source>
        <translation>No se guardó: el servidor de la clínica no pudo guardar la configuración. No se cambió nada.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not saved: another computer changed the clinic&apos;s settings first.</source>
        <translation>No se guardó: otra computadora cambió antes la configuración de la clínica.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The newer settings are shown. What you typed was not saved.</source>
        <translation>Se muestra la configuración más reciente. Lo que escribió no se guardó.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Another computer changed the clinic&apos;s settings; they are shown.</source>
        <translation>Otra computadora cambió la configuración de la clínica; se muestra la nueva.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Delete every session that started more than %n days ago, with all its answers? This cannot be undone.</source>
        <translation>
            <numerusform>¿Eliminar todas las sesiones que empezaron hace más de %n día, con todas sus respuestas? No se puede deshacer.</numerusform>
            <numerusform>¿Eliminar todas las sesiones que empezaron hace más de %n días, con todas sus respuestas? No se puede deshacer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Deleted %n sessions</source>
        <translation>
            <numerusform>Se eliminó %n sesión</numerusform>
            <numerusform>Se eliminaron %n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>older than %n days.</source>
        <translation>
            <numerusform>de más de %n día.</numerusform>
            <numerusform>de más de %n días.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No session was older than %n days.</source>
        <translation>
            <numerusform>Ninguna sesión tenía más de %n día.</numerusform>
            <numerusform>Ninguna sesión tenía más de %n días.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Not saved. %1</source>
        <translation>No se guardó. %1</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>The saved settings are shown again.</source>
        <translation>Se muestra de nuevo la configuración guardada.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Old sessions could not be deleted: %1.</source>
        <translation>No se pudieron eliminar las sesiones antiguas: %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The clinician PIN was changed.</source>
        <translation>Se cambió el PIN clínico.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete old sessions</source>
        <translation>Eliminar sesiones antiguas</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <location filename="../../eduapp/ui/clinician/today.py" line="-183"/>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day to show</source>
        <translation>Día que se muestra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show today</source>
        <translation>Mostrar hoy</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sessions on this day, newest first</source>
        <translation>Sesiones de este día, las más recientes primero</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sessions on this day.</source>
        <translation>No hay sesiones en este día.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Set visit code…</source>
        <translation>Código de visita…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the visit code of this session</source>
        <translation>Asignar el código de visita de esta sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print summary…</source>
        <translation>Imprimir resumen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the summary of this session</source>
        <translation>Imprimir el resumen de esta sesión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the summary of this session as PDF</source>
        <translation>Exportar el resumen de esta sesión como PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the answers of this session as CSV</source>
        <translation>Exportar las respuestas de esta sesión como CSV</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FHIR…</source>
        <translation>FHIR…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export this session as FHIR for the health record</source>
        <translation>Exportar esta sesión como FHIR para la historia clínica</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export:</source>
        <translation>Exportar:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Session details</source>
        <translation>Detalles de la sesión</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The sessions cannot be read: %1.</source>
        <translation>No se pueden leer las sesiones: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n sessions</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n need discussion</source>
        <translation>
            <numerusform>%n necesita conversación</numerusform>
            <numerusform>%n necesitan conversación</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No session chosen</source>
        <translation>Ninguna sesión elegida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a session to see its answers.</source>
        <translation>Elija una sesión para ver sus respuestas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no visit code</source>
        <translation>sin código de visita</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A visit code has at most %1 characters. It was not changed.</source>
        <translation>Un código de visita tiene como máximo %1 caracteres. No se cambió.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the visit is no longer stored</source>
        <translation>la visita ya no está guardada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The visit code could not be saved: %1.</source>
        <translation>No se pudo guardar el código de visita: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visit code saved: %1.</source>
        <translation>Código de visita guardado: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit code removed.</source>
        <translation>Se quitó el código de visita.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the summary as PDF</source>
        <translation>Guardar el resumen como PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the answers as CSV</source>
        <translation>Guardar las respuestas como CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as FHIR for the health record</source>
        <translation>Guardar como FHIR para la historia clínica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The summary could not be printed: %1.</source>
        <translation>No se pudo imprimir el resumen: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The summary was sent to the printer.</source>
        <translation>Se envió el resumen a la impresora.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 could not be saved: %2.</source>
        <translation>No se pudo guardar %1: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+12"/>
        <source>Visit code</source>
        <translation>Código de visita</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Visit code for the session at %1, at most %2 characters. Use the code from your schedule, never the patient&apos;s name. Leave it empty to remove the code.</source>
        <translation>Código de visita de la sesión de las %1, con %2 caracteres como máximo. Use el código de su agenda, nunca el nombre del paciente. Déjelo vacío para quitar el código.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Print the session summary</source>
        <translation>Imprimir el resumen de la sesión</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../eduapp/ui/patient/welcome.py" line="+89"/>
        <source>Three people of different ages sit together on a sofa; one reads a lesson on a tablet.</source>
        <translation>Tres personas de distintas edades están sentadas juntas en un sofá; una lee una lección en una tableta.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learn about your pain care</source>
        <translation>Aprenda sobre la atención de su dolor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Short lessons with pictures, one idea at a time. After each lesson, a few questions help you check what you understood. You do not need to give your name.</source>
        <translation>Lecciones cortas con imágenes, una idea a la vez. Después de cada lección, unas preguntas le ayudan a ver qué entendió. No necesita dar su nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Start</source>
        <translation>Comenzar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>checklist</name>
    <message>
        <location filename="../../eduapp/ui/print/checklist.py" line="+57"/>
        <source>My session: date %1  time %2</source>
        <translation>Mi sesión: fecha %1  hora %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Print my checklist</source>
        <translation>Imprimir mi lista</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/print/day_plan.py" line="+41"/>
        <source>No solid food after this time.</source>
        <translation>Nada sólido después de esta hora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear liquids only until this time.</source>
        <translation>Solo líquidos claros hasta esta hora.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrive at the clinic by this time.</source>
        <translation>Llegue a la clínica a más tardar a esta hora.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My day</source>
        <translation>Mi día</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, the day before</source>
        <translation>%1 del día anterior</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../eduapp/ui/errors.py" line="+36"/>
        <source>Sorry, something went wrong</source>
        <translation>Lo sentimos, algo salió mal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something on this screen did not work. Your answers so far are kept. Please ask a member of staff for help.</source>
        <translation>Algo en esta pantalla no funcionó. Las respuestas que ya dio están guardadas. Por favor, pida ayuda a alguien del personal.</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <location filename="../../eduapp/commands/driver.py" line="+76"/>
        <location filename="../../eduapp/commands/self_test.py" line="+60"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Yes, that&apos;s right.</source>
        <translation>Sí, es correcto.</translation>
    </message>
</context>
<context>
    <name>pin</name>
    <message>
        <location filename="../../eduapp/ui/pin_dialog.py" line="+39"/>
        <source>Clinician PIN</source>
        <translation>PIN clínico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PIN cannot be checked because the data folder cannot be used. Close the app from the computer&apos;s own controls.</source>
        <translation>No se puede comprobar el PIN porque no se puede usar la carpeta de datos. Cierre la aplicación con los controles de la propia computadora.</translation>
    </message>
</context>
</TS>
