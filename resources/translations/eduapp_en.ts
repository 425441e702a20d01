<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/wording.py" line="+50"/>
        <source>%n answers and screen visits are kept in memory and will be saved as soon as the database can be written; do not close the app until this message is gone.</source>
        <translation>
            <numerusform>%n answer or screen visit is kept in memory and will be saved as soon as the database can be written; do not close the app until this message is gone.</numerusform>
            <numerusform>%n answers and screen visits are kept in memory and will be saved as soon as the database can be written; do not close the app until this message is gone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Too many wrong tries. Try again in %n seconds.</source>
        <translation>
            <numerusform>Too many wrong tries. Try again in %n second.</numerusform>
            <numerusform>Too many wrong tries. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>That PIN is not right. %n tries left before a pause.</source>
        <translation>
            <numerusform>That PIN is not right. %n try left before a pause.</numerusform>
            <numerusform>That PIN is not right. %n tries left before a pause.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../eduapp/ui/clinician/models.py" line="+201"/>
        <location filename="../../eduapp/ui/clinician/today.py" line="+273"/>
        <source>%n objectives to discuss</source>
        <translation>
            <numerusform>%n objective to discuss</numerusform>
            <numerusform>%n objectives to discuss</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>Chosen %n times on a first try</source>
        <translation>
            <numerusform>Chosen once on a first try</numerusform>
            <numerusform>Chosen %n times on a first try</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n times</source>
        <translation>
            <numerusform>once</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../eduapp/ui/wording.py" line="+71"/>
        <source>Stopped: %n to discuss</source>
        <translation>
            <numerusform>Stopped: %n to discuss</numerusform>
            <numerusform>Stopped: %n to discuss</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/patient/idle.py" line="+91"/>
        <source>To keep your answers private, this screen will start over in %n seconds.</source>
        <translation>
            <numerusform>To keep your answers private, this screen will start over in %n second.</numerusform>
            <numerusform>To keep your answers private, this screen will start over in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModuleCard</name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/patient/module_list.py" line="+32"/>
        <source>About %n minutes</source>
        <translation>
            <numerusform>About %n minute</numerusform>
            <numerusform>About %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionsTab</name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/clinician/questions.py" line="+143"/>
        <source>%Ln first tries</source>
        <translation>
            <numerusform>%Ln first try</numerusform>
            <numerusform>%Ln first tries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/clinician/settings.py" line="+416"/>
        <source>Delete sessions older than %n days now</source>
        <translation>
            <numerusform>Delete sessions older than %n day now</numerusform>
            <numerusform>Delete sessions older than %n days now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>Not saved: %n fields need a change.</source>
        <translation>
            <numerusform>Not saved: %n field needs a change.</numerusform>
            <numerusform>Not saved: %n fields need a change.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+166"/>
        <source>Delete every session that started more than %n days ago, with all its answers? This cannot be undone.</source>
        <translation>
            <numerusform>Delete every session that started more than %n day ago, with all its answers? This cannot be undone.</numerusform>
            <numerusform>Delete every session that started more than %n days ago, with all its answers? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Deleted %n sessions</source>
        <translation>
            <numerusform>Deleted %n session</numerusform>
            <numerusform>Deleted %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>older than %n days.</source>
        <translation>
            <numerusform>older than %n day.</numerusform>
            <numerusform>older than %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No session was older than %n days.</source>
        <translation>
            <numerusform>No session was older than %n day.</numerusform>
            <numerusform>No session was older than %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/clinician/today.py" line="-31"/>
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n need discussion</source>
        <translation>
            <numerusform>%n needs discussion</numerusform>
            <numerusform>%n need discussion</numerusform>
        </translation>
    </message>
</context>
</TS>
