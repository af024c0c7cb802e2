<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hu_HU" sourcelanguage="en_US">
<context>
    <name>EditSettingsCommand</name>
    <message>
        <source>Change preferences</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language shows the next time salesdesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For files the Funnel tab has not shown yet; a file remembers the period and filters it was last shown with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Funnel tab starts on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where &quot;This year&quot; and the quarters of the period lists begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> decided deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A slice with fewer decided (won or lost) deals is marked &quot;too few to judge&quot; and is never ranked as a growth point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen when the file was created: every figure is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder and how many copies are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this file (the command line uses them too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First month of the fiscal &amp;year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few to &amp;judge under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this file (read-only: opened without write access)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
