<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/wording.py" line="+44"/>
        <source>%n answers and screen visits are kept in memory and will be saved as soon as the database can be written; do not close the app until this message is gone.</source>
        <translation>
            <numerusform>%n answer or screen visit is kept in memory and will be saved as soon as the database can be written; do not close the app until this message is gone.</numerusform>
            <numerusform>%n answers and screen visits are kept in memory and will be saved as soon as the database can be written; do not close the app until this message is gone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
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
</context>
<context>
    <name>IdleNotice</name>
    <message numerus="yes">
        <location filename="../../eduapp/ui/patient/idle.py" line="+62"/>
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
        <location filename="../../eduapp/ui/patient/module_list.py" line="+30"/>
        <source>About %n minutes</source>
        <translation>
            <numerusform>About %n minute</numerusform>
            <numerusform>About %n minutes</numerusform>
        </translation>
    </message>
</context>
</TS>
