<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hu_HU" sourcelanguage="en_US">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Új…</translation>
    </message>
    <message>
        <source>Create a new, empty database file</source>
        <translation>Új, üres adatbázisfájl létrehozása</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Meg&amp;nyitás…</translation>
    </message>
    <message>
        <source>Open another database file</source>
        <translation>Másik adatbázisfájl megnyitása</translation>
    </message>
    <message>
        <source>Open the &amp;Sample Business</source>
        <translation>&amp;Mintavállalkozás megnyitása</translation>
    </message>
    <message>
        <source>Look around a made-up firm&apos;s deals, figures and scorecards; it is deleted when you close it</source>
        <translation>Egy kitalált cég ügyleteinek, mutatóinak és értékelőlapjainak megtekintése; bezáráskor törlődik</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>Másolat mentése má&amp;sként…</translation>
    </message>
    <message>
        <source>Write a consistent copy of this file</source>
        <translation>Konzisztens másolat készítése erről a fájlról</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Kilépés</translation>
    </message>
    <message>
        <source>Close salesdesk</source>
        <translation>A salesdesk bezárása</translation>
    </message>
    <message>
        <source>&amp;New Deal…</source>
        <translation>Ú&amp;j ügylet…</translation>
    </message>
    <message>
        <source>Record a new deal</source>
        <translation>Új ügylet rögzítése</translation>
    </message>
    <message>
        <source>&amp;Open Deal…</source>
        <translation>Ügylet meg&amp;nyitása…</translation>
    </message>
    <message>
        <source>Edit the selected deal</source>
        <translation>A kijelölt ügylet szerkesztése</translation>
    </message>
    <message>
        <source>&amp;Delete Deal</source>
        <translation>Ügylet &amp;törlése</translation>
    </message>
    <message>
        <source>Delete the selected deals (can be undone)</source>
        <translation>A kijelölt ügyletek törlése (visszavonható)</translation>
    </message>
    <message>
        <source>Move to Ne&amp;xt Stage</source>
        <translation>Következő s&amp;zakaszba</translation>
    </message>
    <message>
        <source>Move the selected deal one pipeline stage on</source>
        <translation>A kijelölt ügylet áthelyezése a tölcsér következő szakaszába</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Keresés…</translation>
    </message>
    <message>
        <source>Search the deals</source>
        <translation>Keresés az ügyletek között</translation>
    </message>
    <message>
        <source>&amp;Lists…</source>
        <translation>&amp;Listák…</translation>
    </message>
    <message>
        <source>Rename, merge and retire clients, salespeople, stages, …</source>
        <translation>Ügyfelek, értékesítők, szakaszok, … átnevezése, összevonása és kivezetése</translation>
    </message>
    <message>
        <source>&amp;Import Deals…</source>
        <translation>Ügyletek &amp;importálása…</translation>
    </message>
    <message>
        <source>Import deals from a CSV or XLSX file (Pipedrive, HubSpot, spreadsheets)</source>
        <translation>Ügyletek importálása CSV- vagy XLSX-fájlból (Pipedrive, HubSpot, táblázatok)</translation>
    </message>
    <message>
        <source>E&amp;xport Deals…</source>
        <translation>Ügyletek e&amp;xportálása…</translation>
    </message>
    <message>
        <source>Write the deals (all or the current view) to CSV or XLSX</source>
        <translation>Az ügyletek (mind vagy az aktuális nézet) kiírása CSV- vagy XLSX-fájlba</translation>
    </message>
    <message>
        <source>&amp;Export Report (PDF)…</source>
        <translation>&amp;Jelentés exportálása (PDF)…</translation>
    </message>
    <message>
        <source>Write the Funnel tab&apos;s slice as a meeting report</source>
        <translation>A Tölcsér lapon látható bontás kiírása értekezleti jelentésként</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>&amp;Biztonsági mentés most</translation>
    </message>
    <message>
        <source>Write a verified backup into this file&apos;s backup folder</source>
        <translation>Ellenőrzött biztonsági mentés írása a fájl biztonsági mentési mappájába</translation>
    </message>
    <message>
        <source>Res&amp;tore from Backup…</source>
        <translation>&amp;Visszaállítás biztonsági mentésből…</translation>
    </message>
    <message>
        <source>Replace this file&apos;s data by one of its backups</source>
        <translation>A fájl adatainak lecserélése valamelyik biztonsági mentésére</translation>
    </message>
    <message>
        <source>Backup Settin&amp;gs…</source>
        <translation>Biztonsági mentés b&amp;eállításai…</translation>
    </message>
    <message>
        <source>Backup folder and how many copies are kept</source>
        <translation>A biztonsági mentések mappája és a megőrzött példányok száma</translation>
    </message>
    <message>
        <source>&amp;Erase Client…</source>
        <translation>Ügyfél a&amp;datainak törlése…</translation>
    </message>
    <message>
        <source>Remove a client&apos;s name and personal data everywhere</source>
        <translation>Egy ügyfél nevének és személyes adatainak eltávolítása mindenhonnan</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Beállítások…</translation>
    </message>
    <message>
        <source>Theme, the Funnel tab&apos;s starting period, the fiscal year and when a slice is too small to judge</source>
        <translation>Téma, a Tölcsér lap kezdő időszaka, az üzleti év, és hogy mikor túl kicsi egy bontás az ítélethez</translation>
    </message>
    <message>
        <source>&amp;Check Database</source>
        <translation>&amp;Adatbázis ellenőrzése</translation>
    </message>
    <message>
        <source>Run SQLite&apos;s integrity and foreign key checks</source>
        <translation>Az SQLite integritás- és idegenkulcs-ellenőrzésének futtatása</translation>
    </message>
    <message>
        <source>&amp;Deals</source>
        <translation>Ü&amp;gyletek</translation>
    </message>
    <message>
        <source>Show the Deals tab</source>
        <translation>Az Ügyletek lap megjelenítése</translation>
    </message>
    <message>
        <source>&amp;Funnel</source>
        <translation>&amp;Tölcsér</translation>
    </message>
    <message>
        <source>Show the Funnel tab</source>
        <translation>A Tölcsér lap megjelenítése</translation>
    </message>
    <message>
        <source>&amp;Growth Points</source>
        <translation>Növe&amp;kedési pontok</translation>
    </message>
    <message>
        <source>Show where conversion and deal length can grow</source>
        <translation>Megmutatja, hol javítható a konverzió és az ügylet hossza</translation>
    </message>
    <message>
        <source>&amp;Scorecards</source>
        <translation>Értékelő&amp;lapok</translation>
    </message>
    <message>
        <source>Show the Scorecards tab</source>
        <translation>Az Értékelőlapok lap megjelenítése</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>Üg&amp;yfelek</translation>
    </message>
    <message>
        <source>Show the Customers tab (NPS, touchpoints, lost reasons, target customer, competitors)</source>
        <translation>Az Ügyfelek lap megjelenítése (NPS, érintkezési pontok, elvesztési okok, célügyfél, versenytársak)</translation>
    </message>
    <message>
        <source>&amp;Add NPS Responses…</source>
        <translation>NPS-válaszok &amp;hozzáadása…</translation>
    </message>
    <message>
        <source>Type a batch of survey responses from the keyboard</source>
        <translation>Több felmérési válasz begépelése egymás után</translation>
    </message>
    <message>
        <source>Import N&amp;PS Responses…</source>
        <translation>NPS-válaszok im&amp;portálása…</translation>
    </message>
    <message>
        <source>Import survey responses (date, score, segment, product, client, comment) from a CSV or XLSX file</source>
        <translation>Felmérési válaszok (dátum, pontszám, szegmens, termék, ügyfél, megjegyzés) importálása CSV- vagy XLSX-fájlból</translation>
    </message>
    <message>
        <source>Skill &amp;Template…</source>
        <translation>Készségs&amp;ablon…</translation>
    </message>
    <message>
        <source>Add, rename, reorder and retire checklist items of the assessment sheet</source>
        <translation>Az értékelőlap ellenőrzőlista-tételeinek felvétele, átnevezése, átrendezése és kivezetése</translation>
    </message>
    <message>
        <source>Export Scorecar&amp;ds…</source>
        <translation>Értékelőlapok expor&amp;tálása…</translation>
    </message>
    <message>
        <source>Write the scorecards and the team matrix to PDF or CSV</source>
        <translation>Az értékelőlapok és a csapatmátrix kiírása PDF- vagy CSV-fájlba</translation>
    </message>
    <message>
        <source>&amp;How Figures Are Computed</source>
        <translation>A &amp;mutatók számítása</translation>
    </message>
    <message>
        <source>Definitions of conversion, deal length and the funnel</source>
        <translation>A konverzió, az ügylet hossza és a tölcsér definíciói</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Felhasználói útmutató</translation>
    </message>
    <message>
        <source>What each tab does, the figures&apos; definitions and the command line, with screenshots</source>
        <translation>Mire valók az egyes lapok, a mutatók definíciói és a parancssor, képernyőképekkel</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Billentyűparancsok</translation>
    </message>
    <message>
        <source>Every key salesdesk answers to, searchable</source>
        <translation>A salesdesk összes billentyűparancsa, kereshető listában</translation>
    </message>
    <message>
        <source>&amp;About salesdesk</source>
        <translation>A salesdesk &amp;névjegye</translation>
    </message>
    <message>
        <source>Version and data folder</source>
        <translation>Verzió és adatmappa</translation>
    </message>
</context>
<context>
    <name>AddAssessmentCommand</name>
    <message>
        <source>Assess {rep} ({date})</source>
        <translation>{rep} értékelése ({date})</translation>
    </message>
</context>
<context>
    <name>AddChangeCommand</name>
    <message>
        <source>Log the change &quot;{change}&quot;</source>
        <translation>A(z) „{change}” változás rögzítése</translation>
    </message>
</context>
<context>
    <name>AddDealCommand</name>
    <message>
        <source>Add deal {title}</source>
        <translation>„{title}” ügylet hozzáadása</translation>
    </message>
</context>
<context>
    <name>AddLookupCommand</name>
    <message>
        <source>Add {kind} {name}</source>
        <translation>Új {kind}: {name}</translation>
    </message>
</context>
<context>
    <name>AddResponsesCommand</name>
    <message>
        <source>Add a survey response</source>
        <translation>Felmérési válasz hozzáadása</translation>
    </message>
    <message>
        <source>Add {count} survey responses</source>
        <translation>{count} felmérési válasz hozzáadása</translation>
    </message>
</context>
<context>
    <name>AddTouchpointCommand</name>
    <message>
        <source>Add the touchpoint {name}</source>
        <translation>A(z) {name} érintkezési pont hozzáadása</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>New assessment — {rep}</source>
        <translation>Új értékelés — {rep}</translation>
    </message>
    <message>
        <source>who assesses</source>
        <translation>ki értékel</translation>
    </message>
    <message>
        <source>Type {low}–{high} to score a row (1 = not done, 5 = done well every time); type in the Note column to add a note.</source>
        <translation>Egy sor pontozásához írjon be egy számot {low}–{high} között (1 = nem csinálja, 5 = minden alkalommal jól csinálja); megjegyzéshez írjon a Megjegyzés oszlopba.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Mentés</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dátum:</translation>
    </message>
    <message>
        <source>&amp;Assessor:</source>
        <translation>&amp;Értékelő:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{item}&lt;/b&gt; — good looks like: {good}</source>
        <translation>&lt;b&gt;{item}&lt;/b&gt; — így néz ki a jó teljesítmény: {good}</translation>
    </message>
    <message>
        <source>Date: {error}</source>
        <translation>Dátum: {error}</translation>
    </message>
    <message>
        <source>Score the {count} item still marked —.</source>
        <translation>Pontozza a még —-vel jelölt {count} tételt.</translation>
    </message>
    <message>
        <source>Score the {count} items still marked —.</source>
        <translation>Pontozza a még —-vel jelölt {count} tételt.</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>automatic</source>
        <translation>automatikus</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>kézi</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>parancssor</translation>
    </message>
    <message>
        <source>self-test</source>
        <translation>önteszt</translation>
    </message>
    <message>
        <source>before restore</source>
        <translation>visszaállítás előtt</translation>
    </message>
    <message>
        <source>before upgrade</source>
        <translation>frissítés előtt</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dátum</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Ügyletek</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Ellenőrzőösszeg</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Készült</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>rögzítve</translation>
    </message>
    <message>
        <source>none (not in the manifest)</source>
        <translation>nincs (nem szerepel a jegyzékben)</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <source>Backup Settings</source>
        <translation>Biztonsági mentés beállításai</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Tallózás…</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>Mentési &amp;mappa:</translation>
    </message>
    <message>
        <source>&amp;Daily copies:</source>
        <translation>&amp;Napi példányok:</translation>
    </message>
    <message>
        <source>&amp;Weekly copies:</source>
        <translation>&amp;Heti példányok:</translation>
    </message>
    <message>
        <source>&amp;Monthly copies:</source>
        <translation>Ha&amp;vi példányok:</translation>
    </message>
    <message>
        <source>Empty folder: the default one shown. The newest backup is always kept.</source>
        <translation>Üres mappa esetén a megjelenített alapértelmezett mappa érvényes. A legújabb biztonsági mentés mindig megmarad.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Biztonsági mentések mappája</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>The backup could not be written: {error}.</source>
        <translation>A biztonsági mentést nem sikerült kiírni: {error}.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}.</source>
        <translation>A(z) {name} nem olvasható: {error}.</translation>
    </message>
    <message>
        <source>{name} failed its integrity check: {problems}</source>
        <translation>A(z) {name} nem ment át az épségellenőrzésen: {problems}</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>A(z) {name} nem létezik.</translation>
    </message>
    <message>
        <source>{name} has changed since it was written (its checksum differs from the one recorded): it is damaged.</source>
        <translation>A(z) {name} megváltozott a kiírása óta (az ellenőrzőösszege eltér a rögzítettől): sérült.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>A(z) {name} üres.</translation>
    </message>
    <message>
        <source>{name} was written with another page size ({size} bytes), which salesdesk can copy in only while no other window or program has this file open. Close them and restore again.</source>
        <translation>A(z) {name} más lapmérettel készült ({size} bájt), ezért a salesdesk csak akkor tudja bemásolni, ha egyetlen más ablak vagy program sem tartja nyitva ezt a fájlt. Zárja be őket, és indítsa újra a visszaállítást.</translation>
    </message>
    <message>
        <source>{name} has no recorded checksum, so salesdesk cannot tell whether it changed since it was written.</source>
        <translation>A(z) {name} fájlnak nincs rögzített ellenőrzőösszege, így a salesdesk nem tudja megállapítani, hogy változott-e a kiírása óta.</translation>
    </message>
    <message>
        <source>{name} could not be restored ({error}); the data was left as it was.</source>
        <translation>A(z) {name} visszaállítása nem sikerült ({error}); az adatok változatlanok maradtak.</translation>
    </message>
    <message>
        <source>{name} was restored but could not be upgraded ({error}); the data was put back as it was before the restore from {before}.</source>
        <translation>A(z) {name} visszaállítása megtörtént, de a frissítése nem sikerült ({error}); az adatok visszakerültek a visszaállítás előtti állapotukba ebből: {before}.</translation>
    </message>
</context>
<context>
    <name>BeforeAfterChart</name>
    <message>
        <source>Before and after: {change}</source>
        <translation>Előtte és utána: {change}</translation>
    </message>
    <message>
        <source>Before and after a touchpoint change</source>
        <translation>Egy érintkezési pont változása előtt és után</translation>
    </message>
    <message>
        <source>Equal windows of {days} days: before {before} (n = {before_n} decided), after {after} (n = {after_n}). Conversion = won ÷ (won + lost); deal length = days from first contact to close. Whiskers: the likely range, where the true figure lies with 95 % certainty. {verdicts}</source>
        <translation>Egyenlő, {days} napos ablakok: előtte {before} (n = {before_n} lezárt), utána {after} (n = {after_n}). Konverzió = megnyert ÷ (megnyert + elvesztett); ügylet hossza = napok az első kapcsolatfelvételtől a lezárásig. Hibasávok: a valószínű tartomány, amelyben a valódi érték 95 %-os biztonsággal benne van. {verdicts}</translation>
    </message>
    <message>
        <source>No decided deals in either window</source>
        <translation>Egyik ablakban sincs lezárt ügylet</translation>
    </message>
    <message>
        <source>before</source>
        <translation>előtte</translation>
    </message>
    <message>
        <source>after</source>
        <translation>utána</translation>
    </message>
    <message>
        <source>Conversion (%)</source>
        <translation>Konverzió (%)</translation>
    </message>
    <message>
        <source>Average deal length (days)</source>
        <translation>Átlagos ügylethossz (nap)</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Edit change</source>
        <translation>Változás szerkesztése</translation>
    </message>
    <message>
        <source>Log a touchpoint change</source>
        <translation>Érintkezési pont változásának rögzítése</translation>
    </message>
    <message>
        <source>e.g. new price tags in shop 2</source>
        <translation>pl. új árcédulák a 2-es üzletben</translation>
    </message>
    <message>
        <source>The whole business</source>
        <translation>A teljes vállalkozás</translation>
    </message>
    <message>
        <source>&amp;Touchpoint:</source>
        <translation>Érintkezési &amp;pont:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dátum:</translation>
    </message>
    <message>
        <source>&amp;What changed:</source>
        <translation>Mi &amp;változott:</translation>
    </message>
    <message>
        <source>&amp;Concerns:</source>
        <translation>&amp;Hatókör:</translation>
    </message>
</context>
<context>
    <name>ChartData</name>
    <message>
        <source>{dimension}: {values}</source>
        <translation>{dimension}: {values}</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>teljes időszak</translation>
    </message>
    <message>
        <source>no dates</source>
        <translation>nincs dátum</translation>
    </message>
    <message>
        <source>deals started in the period</source>
        <translation>az időszakban indult ügyletek</translation>
    </message>
    <message>
        <source>deals closed in the period</source>
        <translation>az időszakban lezárt ügyletek</translation>
    </message>
</context>
<context>
    <name>ChartExportDialog</name>
    <message>
        <source>Export chart — {title}</source>
        <translation>Diagram exportálása — {title}</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>képpont</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Tallózás…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formátum:</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>Mér&amp;et:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Fá&amp;jl:</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagram exportálása</translation>
    </message>
    <message>
        <source>Choose a file to save to.</source>
        <translation>Válassza ki, melyik fájlba mentsen.</translation>
    </message>
    <message>
        <source>The chart has no figures yet.</source>
        <translation>A diagramnak még nincsenek adatai.</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Lecseréli a fájlt?</translation>
    </message>
    <message>
        <source>{name} exists already. Replace it?</source>
        <translation>{name} már létezik. Lecseréli?</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>No closed deals in this slice</source>
        <translation>Ebben a bontásban nincs lezárt ügylet</translation>
    </message>
    <message>
        <source>No deals in this slice</source>
        <translation>Ebben a bontásban nincs ügylet</translation>
    </message>
    <message>
        <source>group</source>
        <translation>csoport</translation>
    </message>
    <message>
        <source>step</source>
        <translation>lépés</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>ügyletek</translation>
    </message>
    <message>
        <source>step conversion</source>
        <translation>lépés konverziója</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>összeg</translation>
    </message>
    <message>
        <source>amount step conversion</source>
        <translation>lépés konverziója összeg szerint</translation>
    </message>
    <message>
        <source>amount unknown</source>
        <translation>ismeretlen összeg</translation>
    </message>
    <message>
        <source>amount left out</source>
        <translation>kihagyott összeg</translation>
    </message>
    <message>
        <source>month</source>
        <translation>hónap</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>lezárt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>lezárt</translation>
    </message>
    <message>
        <source>won</source>
        <translation>megnyert</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>elvesztett</translation>
    </message>
    <message>
        <source>open</source>
        <translation>nyitott</translation>
    </message>
    <message>
        <source>conversion</source>
        <translation>konverzió</translation>
    </message>
    <message>
        <source>conversion low</source>
        <translation>konverzió alsó határa</translation>
    </message>
    <message>
        <source>conversion high</source>
        <translation>konverzió felső határa</translation>
    </message>
    <message>
        <source>too few</source>
        <translation>túl kevés</translation>
    </message>
    <message>
        <source>avg deal length days</source>
        <translation>átlagos ügylethossz napokban</translation>
    </message>
    <message>
        <source>median deal length days</source>
        <translation>ügylethossz mediánja napokban</translation>
    </message>
    <message>
        <source>avg deal length won days</source>
        <translation>megnyert ügyletek átlagos hossza napokban</translation>
    </message>
    <message>
        <source>avg deal length lost days</source>
        <translation>elvesztett ügyletek átlagos hossza napokban</translation>
    </message>
    <message>
        <source>touchpoint changes</source>
        <translation>érintkezési pontok változásai</translation>
    </message>
    <message>
        <source>deal length days</source>
        <translation>ügylet hossza napokban</translation>
    </message>
    <message>
        <source>closed deals</source>
        <translation>lezárt ügyletek</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>igen</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nem</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nincs</translation>
    </message>
    <message>
        <source>{name} {value}</source>
        <translation>{name}: {value}</translation>
    </message>
    <message>
        <source>and {count} rows more (Export Chart… writes them all).</source>
        <translation>és még {count} sor (a Diagram exportálása… mindet kiírja).</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>New customers</source>
        <translation>Új ügyfelek</translation>
    </message>
    <message>
        <source>Current customers</source>
        <translation>Meglévő ügyfelek</translation>
    </message>
    <message>
        <source>{type} customers</source>
        <translation>{type} ügyfelek</translation>
    </message>
</context>
<context>
    <name>Competitors</name>
    <message>
        <source>Name the competitor.</source>
        <translation>Adja meg a versenytárs nevét.</translation>
    </message>
    <message>
        <source>The competitor&apos;s name is too long (at most 200 characters).</source>
        <translation>A versenytárs neve túl hosszú (legfeljebb 200 karakter).</translation>
    </message>
    <message>
        <source>A step&apos;s text is too long (at most {limit} characters).</source>
        <translation>Egy lépés szövege túl hosszú (legfeljebb {limit} karakter).</translation>
    </message>
    <message>
        <source>(unnamed step)</source>
        <translation>(névtelen lépés)</translation>
    </message>
    <message>
        <source>There is no lost reason called {name}.</source>
        <translation>Nincs {name} nevű elvesztési ok.</translation>
    </message>
</context>
<context>
    <name>CompetitorsPage</name>
    <message>
        <source>First response to an enquiry</source>
        <translation>Első válasz a megkeresésre</translation>
    </message>
    <message>
        <source>Visit or meeting</source>
        <translation>Látogatás vagy találkozó</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Árajánlat</translation>
    </message>
    <message>
        <source>Price and payment terms</source>
        <translation>Ár és fizetési feltételek</translation>
    </message>
    <message>
        <source>Follow-up after the quote</source>
        <translation>Utánkövetés az árajánlat után</translation>
    </message>
    <message>
        <source>After the sale</source>
        <translation>Az eladás után</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nincs)</translation>
    </message>
    <message>
        <source>Ne&amp;w Competitor…</source>
        <translation>Ú&amp;j versenytárs…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Átnevezés…</translation>
    </message>
    <message>
        <source>Delete Notes</source>
        <translation>Jegyzetek törlése</translation>
    </message>
    <message>
        <source>Deals lost for this reason count as lost to the competitor their lost-reason details name</source>
        <translation>Az ezzel az okkal elvesztett ügyletek annak a versenytársnak elvesztettnek számítanak, akit az elvesztés okának részletei megneveznek</translation>
    </message>
    <message>
        <source>Deals lost for the &amp;reason</source>
        <translation>Elvesztés&amp;i ok:</translation>
    </message>
    <message>
        <source>count as lost to the competitor their details name.</source>
        <translation>– az ilyen okkal elvesztett ügyletek a részleteikben megnevezett versenytársnak elvesztettnek számítanak.</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Versenytársak</translation>
    </message>
    <message>
        <source>Our process next to the competitor&apos;s</source>
        <translation>A mi folyamatunk a versenytárs folyamata mellett</translation>
    </message>
    <message>
        <source>Remove Step</source>
        <translation>Lépés eltávolítása</translation>
    </message>
    <message>
        <source>Step by step</source>
        <translation>Lépésről lépésre</translation>
    </message>
    <message>
        <source>Double-click a cell (or start typing) to edit it; type in the last row to add a step.</source>
        <translation>Cella szerkesztéséhez kattintson rá duplán (vagy kezdjen gépelni); új lépéshez írjon az utolsó sorba.</translation>
    </message>
    <message>
        <source>Show These Deals</source>
        <translation>Ügyletek megjelenítése</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step by step&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lépésről lépésre&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No competitor yet: New Competitor… starts a table, and deals lost to a competitor named in their lost-reason details appear here.</source>
        <translation>Még nincs versenytárs: az Új versenytárs… gomb új táblázatot kezd, és itt jelennek meg azok az elvesztett ügyletek, amelyek elvesztési okának részletei versenytársat neveznek meg.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Our process next to {name}&lt;/b&gt;</source>
        <translation>&lt;b&gt;A mi folyamatunk a(z) {name} folyamata mellett&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Choose the lost reason meaning a competitor won to link lost deals.</source>
        <translation>Válassza ki azt az elvesztési okot, amely azt jelenti, hogy egy versenytárs nyert, így az elvesztett ügyletek összekapcsolhatók.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} deals lost to {name}&lt;/b&gt; ({share} % of the {total} deals lost for “{reason}”).</source>
        <translation>&lt;b&gt;{count} ügylet veszett el a(z) {name} javára&lt;/b&gt; (a(z) „{reason}” okkal elvesztett {total} ügylet {share} %-a).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} deals lost to {name}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{count} ügylet veszett el a(z) {name} javára&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Add a step to the notes on {name}</source>
        <translation>Lépés hozzáadása a(z) {name} jegyzeteihez</translation>
    </message>
    <message>
        <source>Edit the notes on {name}</source>
        <translation>A(z) {name} jegyzeteinek szerkesztése</translation>
    </message>
    <message>
        <source>New competitor</source>
        <translation>Új versenytárs</translation>
    </message>
    <message>
        <source>Competitor&apos;s name:</source>
        <translation>A versenytárs neve:</translation>
    </message>
    <message>
        <source>Add notes on {name}</source>
        <translation>Jegyzetek hozzáadása: {name}</translation>
    </message>
    <message>
        <source>Rename competitor</source>
        <translation>Versenytárs átnevezése</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Új név:</translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation>{name} átnevezése</translation>
    </message>
    <message>
        <source>Delete notes</source>
        <translation>Jegyzetek törlése</translation>
    </message>
    <message>
        <source>Delete the notes on {name}? (Edit ▸ Undo brings them back.)</source>
        <translation>Törli a(z) {name} jegyzeteit? (A Szerkesztés ▸ Visszavonás visszahozza őket.)</translation>
    </message>
    <message>
        <source>Remove the step {step}</source>
        <translation>A(z) „{step}” lépés eltávolítása</translation>
    </message>
    <message>
        <source>lost to {name}</source>
        <translation>a(z) {name} javára elvesztett ügyletek</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>{name} is damaged and cannot be read: {error}.</source>
        <translation>A(z) {name} sérült, és nem olvasható: {error}.</translation>
    </message>
    <message>
        <source>{name} cannot be opened: {error}.</source>
        <translation>A(z) {name} nem nyitható meg: {error}.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}.</source>
        <translation>A(z) {name} nem olvasható: {error}.</translation>
    </message>
    <message>
        <source>{name} is in a folder that is read-only, and its journal ({journal}) holds changes that cannot be read there. Copy the folder to a place where you may write, then open it.</source>
        <translation>A(z) {name} csak olvasható mappában van, és a naplófájlja ({journal}) olyan módosításokat tartalmaz, amelyek ott nem olvashatók. Másolja a mappát olyan helyre, ahová írhat, majd ott nyissa meg.</translation>
    </message>
    <message>
        <source>{name} is read-only: changes cannot be saved here. Open it read-only, or copy it to a folder where you may write.</source>
        <translation>A(z) {name} csak olvasható: a módosítások itt nem menthetők. Nyissa meg csak olvasásra, vagy másolja egy olyan mappába, ahová írhat.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a salesdesk file.</source>
        <translation>A(z) {name} mappa, nem salesdesk-fájl.</translation>
    </message>
    <message>
        <source>{name} is not a salesdesk database (it is not an SQLite file).</source>
        <translation>A(z) {name} nem salesdesk-adatbázis (nem SQLite-fájl).</translation>
    </message>
    <message>
        <source>{name} is an SQLite database of another program, not a salesdesk file.</source>
        <translation>A(z) {name} egy másik program SQLite-adatbázisa, nem salesdesk-fájl.</translation>
    </message>
    <message>
        <source>{name} was written by a newer salesdesk {writer} (schema {version}; this is salesdesk {app_version}, schema {schema}). Update salesdesk to open it; the file was not changed.</source>
        <translation>A(z) {name} fájlt a salesdesk egy újabb változata ({writer}) írta (séma: {version}; ez a salesdesk {app_version}, séma: {schema}). A megnyitásához frissítse a salesdesket; a fájl nem változott.</translation>
    </message>
    <message>
        <source>{name} was written by a newer salesdesk (schema {version}; this is salesdesk {app_version}, schema {schema}). Update salesdesk to open it; the file was not changed.</source>
        <translation>A(z) {name} fájlt a salesdesk egy újabb változata írta (séma: {version}; ez a salesdesk {app_version}, séma: {schema}). A megnyitásához frissítse a salesdesket; a fájl nem változott.</translation>
    </message>
    <message>
        <source>{name} is damaged: {problems}.</source>
        <translation>A(z) {name} sérült: {problems}.</translation>
    </message>
</context>
<context>
    <name>ConversionChart</name>
    <message>
        <source>Conversion by {dimension}</source>
        <translation>Konverzió {dimension} szerint</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source>Conversion = won ÷ (won + lost); open deals have not decided and are left out. Whiskers: the likely range (95 % Wilson interval). Fewer than {threshold} decided deals: too few to judge. n = {count} decided deals (conversion {conversion}).</source>
        <translation>Konverzió = megnyert ÷ (megnyert + elvesztett); a nyitott ügyletekről még nem született döntés, ezért kimaradnak. Hibasávok: a valószínű tartomány (95 %-os Wilson-intervallum). {threshold} lezárt ügyletnél kevesebb: túl kevés az ítélethez. n = {count} lezárt ügylet (konverzió: {conversion}).</translation>
    </message>
    <message>
        <source>Conversion (%) with its likely range</source>
        <translation>Konverzió (%) a valószínű tartománnyal</translation>
    </message>
    <message>
        <source>no decided deals</source>
        <translation>nincs lezárt ügylet</translation>
    </message>
    <message>
        <source>{conversion}  (n = {count}, too few)</source>
        <translation>{conversion}  (n = {count}, túl kevés)</translation>
    </message>
    <message>
        <source>{conversion}  (n = {count})</source>
        <translation>{conversion}  (n = {count})</translation>
    </message>
    <message>
        <source>{group}: no decided deals ({open} open)</source>
        <translation>{group}: nincs lezárt ügylet ({open} nyitott)</translation>
    </message>
    <message>
        <source>{group}: conversion {conversion}, likely range {low}–{high}
{won} won, {lost} lost (n = {count}), {open} open</source>
        <translation>{group}: konverzió {conversion}, valószínű tartomány {low}–{high}
{won} megnyert, {lost} elvesztett (n = {count}), {open} nyitott</translation>
    </message>
    <message>
        <source>Too few to judge</source>
        <translation>Túl kevés az ítélethez</translation>
    </message>
</context>
<context>
    <name>CsvText</name>
    <message>
        <source>{name} is empty: there is nothing to import.</source>
        <translation>A(z) {name} üres: nincs mit importálni.</translation>
    </message>
    <message>
        <source>{name} is a binary file, not CSV text.</source>
        <translation>A(z) {name} bináris fájl, nem CSV-szöveg.</translation>
    </message>
    <message>
        <source>{name} is not text in any encoding salesdesk knows.</source>
        <translation>A(z) {name} a salesdesk által ismert kódolások egyikével sem olvasható szövegként.</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>Survey files (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Felmérésfájlok (*.csv *.tsv *.txt *.xlsx);;Minden fájl (*)</translation>
    </message>
    <message>
        <source>Imported {count} survey responses.</source>
        <translation>{count} felmérési válasz importálva.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>I&amp;dőszak:</translation>
    </message>
    <message>
        <source>&amp;NPS</source>
        <translation>N&amp;PS</translation>
    </message>
    <message>
        <source>T&amp;ouchpoints</source>
        <translation>Érintkezési p&amp;ontok</translation>
    </message>
    <message>
        <source>&amp;Lost reasons</source>
        <translation>Elvesztés ok&amp;ai</translation>
    </message>
    <message>
        <source>T&amp;arget customer</source>
        <translation>&amp;Célügyfél</translation>
    </message>
    <message>
        <source>Co&amp;mpetitors</source>
        <translation>&amp;Versenytársak</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>teljes időszak</translation>
    </message>
    <message>
        <source>{period} · NPS by answer date, deals by close date</source>
        <translation>{period} · NPS a válasz dátuma, ügyletek a lezárás dátuma szerint</translation>
    </message>
    <message>
        <source>lost deals closed {period}</source>
        <translation>elvesztett ügyletek, lezárva: {period}</translation>
    </message>
    <message>
        <source>deals closed {period}</source>
        <translation>ügyletek, lezárva: {period}</translation>
    </message>
    <message>
        <source>Added {count} survey responses.</source>
        <translation>{count} felmérési válasz hozzáadva.</translation>
    </message>
    <message>
        <source>Import survey responses</source>
        <translation>Felmérési válaszok importálása</translation>
    </message>
    <message>
        <source>Imported {count} survey responses. The undo history was cleared.</source>
        <translation>{count} felmérési válasz importálva. A visszavonási előzmények törlődtek.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Az importálás befejeződött</translation>
    </message>
    <message>
        <source>The undo history was cleared: an import cannot be undone step by step.</source>
        <translation>A visszavonási előzmények törlődtek: az importálás lépésenként nem vonható vissza.</translation>
    </message>
    <message>
        <source>Survey responses not imported</source>
        <translation>A felmérési válaszok importálása nem sikerült</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}

The file needs columns for the date, the score (0–10) and the segment (B2C or B2B); salesdesk import FILE --kind nps --map FIELD=COLUMN names other headers.</source>
        <translation>Semmi sem lett importálva: {error}

A fájlban kell lennie oszlopnak a dátumhoz, a pontszámhoz (0–10) és a szegmenshez (B2C vagy B2B); más fejlécek a salesdesk import FILE --kind nps --map FIELD=COLUMN paranccsal adhatók meg.</translation>
    </message>
    <message>
        <source>Importing survey responses from {file}…</source>
        <translation>Felmérési válaszok importálása innen: {file}…</translation>
    </message>
</context>
<context>
    <name>Damaged</name>
    <message>
        <source>{error}

The file was not changed.</source>
        <translation>{error}

A fájl nem változott.</translation>
    </message>
    <message>
        <source>File cannot be opened</source>
        <translation>A fájl nem nyitható meg</translation>
    </message>
    <message>
        <source>{error}

The file was not changed. The newest good backup is from {when} with {count} deals. Restore it? The damaged file is kept beside it (renamed …damaged-DATE) with its journal files.</source>
        <translation>{error}

A fájl nem változott. A legújabb ép biztonsági mentés ekkor készült: {when}, {count} ügylettel. Visszaállítja? A sérült fájl a naplófájljaival együtt megmarad mellette (…damaged-DATE néven).</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>Automatic backup failed: {error}</source>
        <translation>Az automatikus biztonsági mentés nem sikerült: {error}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>A biztonsági mentés nem sikerült</translation>
    </message>
    <message>
        <source>The automatic backup failed: {error}

Your data is saved in the file; salesdesk tries again in a minute.</source>
        <translation>Az automatikus biztonsági mentés nem sikerült: {error}

Az adatai mentve vannak a fájlban; a salesdesk egy perc múlva újra próbálkozik.</translation>
    </message>
    <message>
        <source>Backed up {count} deals to {path}.</source>
        <translation>{count} ügyletről biztonsági mentés készült: {path}.</translation>
    </message>
    <message>
        <source>No backup was taken: {error}</source>
        <translation>Nem készült biztonsági mentés: {error}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Biztonsági mentés…</translation>
    </message>
    <message>
        <source>Replace the data in this file by the backup? The current data is backed up first. The undo history will be cleared.</source>
        <translation>Lecseréli a fájl adatait a biztonsági mentésre? A jelenlegi adatokról előbb biztonsági mentés készül. A visszavonási előzmények törlődnek.</translation>
    </message>
    <message>
        <source>{name} is not in the backup manifest, so it has no recorded checksum: salesdesk can check that it is a healthy salesdesk file, not that it is unchanged.</source>
        <translation>{name} nem szerepel a biztonsági mentések jegyzékében, így nincs rögzített ellenőrzőösszege: a salesdesk azt tudja ellenőrizni, hogy ép salesdesk-fájl-e, azt nem, hogy változatlan-e.</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Visszaállítás biztonsági mentésből</translation>
    </message>
    <message>
        <source>Restored {count} deals from the backup of {moment}.</source>
        <translation>{count} ügylet visszaállítva a(z) {moment} időpontú biztonsági mentésből.</translation>
    </message>
    <message>
        <source>The damaged data it replaced was kept as it was in {path}.</source>
        <translation>A lecserélt sérült adatok változatlanul megmaradtak itt: {path}.</translation>
    </message>
    <message>
        <source>Nothing was restored</source>
        <translation>Semmi sem lett visszaállítva</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>A biztonsági mentés visszaállítása…</translation>
    </message>
    <message>
        <source>The undo history was cleared.</source>
        <translation>A visszavonási előzmények törlődtek.</translation>
    </message>
    <message>
        <source>Check Database</source>
        <translation>Adatbázis ellenőrzése</translation>
    </message>
    <message>
        <source>{name} is healthy: the integrity check and the foreign key check found no problem.</source>
        <translation>A(z) {name} fájl ép: az integritás- és az idegenkulcs-ellenőrzés nem talált hibát.</translation>
    </message>
    <message>
        <source>{name} has problems:
{problems}

Use File ▸ Restore from Backup to go back to a healthy copy.</source>
        <translation>A(z) {name} fájlban hibák vannak:
{problems}

A Fájl ▸ Visszaállítás biztonsági mentésből menüponttal térhet vissza egy ép példányhoz.</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>{name} ellenőrzése…</translation>
    </message>
    <message>
        <source>Erase Client</source>
        <translation>Ügyfél adatainak törlése</translation>
    </message>
    <message>
        <source>There are no clients.</source>
        <translation>Nincsenek ügyfelek.</translation>
    </message>
    <message>
        <source>Client whose personal data to erase:</source>
        <translation>Az ügyfél, akinek a személyes adatait törli:</translation>
    </message>
    <message>
        <source>Finding the client&apos;s data…</source>
        <translation>Az ügyfél adatainak keresése…</translation>
    </message>
    <message>
        <source>{count} deal</source>
        <translation>{count} ügyletében</translation>
    </message>
    <message>
        <source>{count} deals</source>
        <translation>{count} ügyletében</translation>
    </message>
    <message>
        <source>{count} place in other records</source>
        <translation>más rekordok {count} helyén</translation>
    </message>
    <message>
        <source>{count} places in other records</source>
        <translation>más rekordok {count} helyén</translation>
    </message>
    <message>
        <source>Erase {client}&apos;s personal data? Its name, contact person, e-mail and phone become “{label}” wherever they occur: in its {deals} (whose notes are emptied) and in {places} (other deals, preparation sheets, assessment notes). Other clients&apos; names and records are left alone, and the figures stay the same. This cannot be undone, and the undo history will be cleared. Backups taken before now still hold the data.</source>
        <translation>Törli a(z) {client} ügyfél személyes adatait? A neve, a kapcsolattartója, az e-mail-címe és a telefonszáma mindenhol „{label}” lesz: a saját {deals} (ezek jegyzetei kiürülnek) és {places} (más ügyletek, felkészülési lapok, értékelési jegyzetek). Más ügyfelek neve és rekordjai nem változnak, a mutatók is ugyanazok maradnak. A művelet nem vonható vissza, és a visszavonási előzmények törlődnek. A korábban készült biztonsági mentések továbbra is tartalmazzák az adatokat.</translation>
    </message>
    <message>
        <source>The client&apos;s personal data was erased; it is now called {label}.</source>
        <translation>Az ügyfél személyes adatai törölve; az új neve: {label}.</translation>
    </message>
    <message>
        <source>Erasing the client&apos;s personal data…</source>
        <translation>Az ügyfél személyes adatainak törlése…</translation>
    </message>
    <message>
        <source>Backup Settings</source>
        <translation>Biztonsági mentés beállításai</translation>
    </message>
    <message>
        <source>the disk is full. Free some space; salesdesk keeps working meanwhile.</source>
        <translation>a lemez megtelt. Szabadítson fel helyet; a salesdesk addig is tovább működik.</translation>
    </message>
    <message>
        <source>salesdesk may not write there ({error}). Choose another backup folder.</source>
        <translation>a salesdesk nem írhat oda ({error}). Válasszon másik mappát a biztonsági mentéseknek.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>{name} does not exist or is empty.</source>
        <translation>A(z) {name} nem létezik, vagy üres.</translation>
    </message>
    <message>
        <source>{name} cannot be opened for writing: {error}.</source>
        <translation>A(z) {name} nem nyitható meg írásra: {error}.</translation>
    </message>
    <message>
        <source>{name} could not be prepared: {error}.</source>
        <translation>A(z) {name} előkészítése nem sikerült: {error}.</translation>
    </message>
    <message>
        <source>{name} needs an upgrade, but it was not changed because no backup could be taken first: {error}</source>
        <translation>A(z) {name} frissítésre szorul, de nem változott, mert előtte nem sikerült biztonsági mentést készíteni: {error}</translation>
    </message>
    <message>
        <source>Upgrading {name} failed ({error}). It was put back as it was before the upgrade from the backup {backup}; nothing was lost.</source>
        <translation>A(z) {name} frissítése nem sikerült ({error}). A fájl a(z) {backup} biztonsági mentésből visszakerült a frissítés előtti állapotába; semmi sem veszett el.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. {date} or 2026-03-31</source>
        <translation>pl. {date} vagy 2026-03-31</translation>
    </message>
    <message>
        <source>Pick a date (Alt+Down)</source>
        <translation>Dátum választása (Alt+Down)</translation>
    </message>
    <message>
        <source>enter a date, e.g. {date} or 2026-03-31.</source>
        <translation>adjon meg egy dátumot, pl. {date} vagy 2026-03-31.</translation>
    </message>
</context>
<context>
    <name>Deal</name>
    <message>
        <source>Open</source>
        <translation>Nyitott</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Megnyert</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Elvesztett</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Új ügyfél</translation>
    </message>
    <message>
        <source>Current customer</source>
        <translation>Meglévő ügyfél</translation>
    </message>
</context>
<context>
    <name>DealDetails</name>
    <message>
        <source>Deal details</source>
        <translation>Az ügylet adatai</translation>
    </message>
    <message>
        <source>Select a deal to see its details and stage history.</source>
        <translation>Jelöljön ki egy ügyletet az adatai és a szakaszai megtekintéséhez.</translation>
    </message>
    <message>
        <source>Enter opens it, Delete removes it, Ctrl+] moves it to the next stage.</source>
        <translation>Az Enter megnyitja, a Delete törli, a Ctrl+] a következő szakaszba lépteti.</translation>
    </message>
    <message>
        <source>{count} deals selected.</source>
        <translation>{count} ügylet kijelölve.</translation>
    </message>
    <message>
        <source>{type} (automatic)</source>
        <translation>{type} (automatikus)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ismeretlen</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>Szakaszok története</translation>
    </message>
</context>
<context>
    <name>DealField</name>
    <message>
        <source>Title</source>
        <translation>Megnevezés</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Ügyfél</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>Értékesítő</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Csatorna</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Régió</translation>
    </message>
    <message>
        <source>Target audience</source>
        <translation>Célcsoport</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Ügyféltípus</translation>
    </message>
    <message>
        <source>Customer type kept as given</source>
        <translation>Megadott ügyféltípus megtartva</translation>
    </message>
    <message>
        <source>Yes: the customer type was chosen in the deal form or read from an imported column, and salesdesk keeps it. No: salesdesk works it out (a current customer won a deal before this one&apos;s first contact).</source>
        <translation>Igen: az ügyféltípust az ügylet űrlapján választották, vagy importált oszlopból olvasta be a program, és a salesdesk megtartja. Nem: a salesdesk maga állapítja meg (meglévő az ügyfél, ha ennek az ügyletnek az első kapcsolatfelvétele előtt már nyert ügylete volt).</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Szakasz</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Eredmény</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Első kapcsolat</translation>
    </message>
    <message>
        <source>First contact estimated</source>
        <translation>Becsült első kapcsolatfelvétel</translation>
    </message>
    <message>
        <source>Yes: the imported file had no first-contact date for this deal, so salesdesk took the day the record was created in the other program.</source>
        <translation>Igen: az importált fájlban nem volt első kapcsolatfelvételi dátum ehhez az ügylethez, ezért a salesdesk azt a napot vette, amikor a rekord a másik programban létrejött.</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Lezárás dátuma</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lezárva</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Várható lezárás</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Következő lépés</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Összeg</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Pénznem</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Elvesztés oka</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Jegyzetek</translation>
    </message>
    <message>
        <source>ID in the source</source>
        <translation>Azonosító a forrásban</translation>
    </message>
    <message>
        <source>The deal&apos;s number in the program or file it was imported from: importing that file again updates the deal instead of adding it twice.</source>
        <translation>Az ügylet azonosítója abban a programban vagy fájlban, amelyből importálták: ha ugyanazt a fájlt újra importálja, az ügylet frissül, nem kerül be kétszer.</translation>
    </message>
    <message>
        <source>Lost reason details</source>
        <translation>Az elvesztés részletei</translation>
    </message>
    <message>
        <source>What the lost reason was when it is &apos;Other&apos;, or which competitor won.</source>
        <translation>Mi volt az elvesztés oka, ha „Egyéb”, vagy melyik versenytárs nyerte el.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Azonosító</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Létrehozva</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Módosítva</translation>
    </message>
</context>
<context>
    <name>DealForm</name>
    <message>
        <source>&amp;Title</source>
        <translation>Meg&amp;nevezés</translation>
    </message>
    <message>
        <source>Cl&amp;ient</source>
        <translation>Ügy&amp;fél</translation>
    </message>
    <message>
        <source>Sales&amp;person</source>
        <translation>É&amp;rtékesítő</translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation>&amp;Termék</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>&amp;Csatorna</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>Ré&amp;gió</translation>
    </message>
    <message>
        <source>Target a&amp;udience</source>
        <translation>Célcso&amp;port</translation>
    </message>
    <message>
        <source>Customer t&amp;ype</source>
        <translation>Ügyféltíp&amp;us</translation>
    </message>
    <message>
        <source>Sta&amp;ge</source>
        <translation>S&amp;zakasz</translation>
    </message>
    <message>
        <source>Outco&amp;me</source>
        <translation>Ere&amp;dmény</translation>
    </message>
    <message>
        <source>&amp;Lost reason</source>
        <translation>Elvesztés &amp;oka</translation>
    </message>
    <message>
        <source>&amp;First contact</source>
        <translation>Első &amp;kapcsolatfelvétel</translation>
    </message>
    <message>
        <source>&amp;Closed on</source>
        <translation>&amp;Lezárás dátuma</translation>
    </message>
    <message>
        <source>&amp;Expected close</source>
        <translation>&amp;Várható lezárás</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>Következő lépé&amp;s</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>Össz&amp;eg</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Jegyzetek</translation>
    </message>
    <message>
        <source>Deal — {title}</source>
        <translation>Ügylet – {title}</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Új ügylet</translation>
    </message>
    <message>
        <source>a new name creates the client</source>
        <translation>új név megadásával új ügyfél jön létre</translation>
    </message>
    <message>
        <source>e.g. {example} (empty: unknown)</source>
        <translation>pl. {example} (üresen: ismeretlen)</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation>Ctrl+Enter: mentés</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Preparati&amp;on…</source>
        <translation>Felkészülési l&amp;ap…</translation>
    </message>
    <message>
        <source>The negotiation preparation sheet of this deal (interest areas, SPIN questions, price arguments, …)</source>
        <translation>Az ügylet tárgyalási felkészülési lapja (érdekterületek, SPIN-kérdések, árérvek, …)</translation>
    </message>
    <message>
        <source>Save the deal first to prepare its negotiation.</source>
        <translation>A tárgyalásra való felkészüléshez előbb mentse az ügyletet.</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatikus</translation>
    </message>
    <message>
        <source>Automatic (new)</source>
        <translation>Automatikus (új)</translation>
    </message>
    <message>
        <source>Automatic (current)</source>
        <translation>Automatikus (meglévő)</translation>
    </message>
    <message>
        <source>Current when the client has a won deal closed before this deal&apos;s first contact. Choose a value to override.</source>
        <translation>Meglévő, ha az ügyfélnek van olyan megnyert ügylete, amelyet ennek az ügyletnek az első kapcsolatfelvétele előtt zártak le. Válasszon értéket, ha ettől el szeretne térni.</translation>
    </message>
    <message>
        <source>New {kind}: saving adds it to the list.</source>
        <translation>Új {kind}: mentéskor felkerül a listára.</translation>
    </message>
    <message>
        <source>New {kind} — did you mean {name}?</source>
        <translation>Új {kind} – erre gondolt: {name}?</translation>
    </message>
    <message>
        <source>Fix {field}, marked in red above, before saving.</source>
        <translation>Mentés előtt javítsa a fent pirossal jelölt mezőt: {field}.</translation>
    </message>
    <message>
        <source>Fix {count} fields, marked in red above, before saving: {fields}.</source>
        <translation>Mentés előtt javítsa a fent pirossal jelölt {count} mezőt: {fields}.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Elveti a módosításokat?</translation>
    </message>
    <message>
        <source>Discard the changes to this deal?</source>
        <translation>Elveti az ügyleten végzett módosításokat?</translation>
    </message>
</context>
<context>
    <name>DealLengthChart</name>
    <message>
        <source>Average deal length by {dimension}, won and lost</source>
        <translation>Átlagos ügylethossz {dimension} szerint, megnyert és elvesztett</translation>
    </message>
    <message>
        <source>Average deal length, won and lost</source>
        <translation>Átlagos ügylethossz, megnyert és elvesztett</translation>
    </message>
    <message>
        <source>Deal length = close date − first contact in days (closed the same day = 0); average = sum of days ÷ number of closed deals, shown for won and lost deals separately. n = {count} closed deals (average {average}).</source>
        <translation>Ügylet hossza = lezárás dátuma − első kapcsolatfelvétel, napokban (ugyanazon a napon lezárva = 0); átlag = a napok összege ÷ a lezárt ügyletek száma, a megnyert és az elvesztett ügyletekre külön. n = {count} lezárt ügylet (átlag: {average}).</translation>
    </message>
    <message>
        <source>Average deal length (days)</source>
        <translation>Átlagos ügylethossz (nap)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nincs</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{won_color}&apos;&gt;■&lt;/span&gt; won &amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:{lost_color}&apos;&gt;■&lt;/span&gt; lost</source>
        <translation>&lt;span style=&apos;color:{won_color}&apos;&gt;■&lt;/span&gt; megnyert &amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:{lost_color}&apos;&gt;■&lt;/span&gt; elvesztett</translation>
    </message>
    <message>
        <source>{group}: average {average}, median {median} over {count} closed deals
won: {won_average} ({won}), lost: {lost_average} ({lost})</source>
        <translation>{group}: átlag {average}, medián {median}, {count} lezárt ügylet alapján
megnyert: {won_average} ({won}), elvesztett: {lost_average} ({lost})</translation>
    </message>
</context>
<context>
    <name>DealListModel</name>
    <message>
        <source>Open on {day}, the end of the period the figures count; won on {closed}</source>
        <translation>Az időszak végén ({day}), amelyre a számok vonatkoznak, még nyitott volt; megnyert: {closed}</translation>
    </message>
    <message>
        <source>Open on {day}, the end of the period the figures count; lost on {closed}</source>
        <translation>Az időszak végén ({day}), amelyre a számok vonatkoznak, még nyitott volt; elvesztett: {closed}</translation>
    </message>
    <message>
        <source>Click to sort; right-click to choose the columns shown</source>
        <translation>Kattintson a rendezéshez; jobb kattintással választhatja ki a megjelenített oszlopokat</translation>
    </message>
</context>
<context>
    <name>DealTable</name>
    <message>
        <source>Deals list</source>
        <translation>Ügyletlista</translation>
    </message>
</context>
<context>
    <name>DealViews</name>
    <message>
        <source>New</source>
        <translation>Új</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Meglévő</translation>
    </message>
    <message>
        <source>too few to judge</source>
        <translation>túl kevés az ítélethez</translation>
    </message>
    <message>
        <source>won ÷ decided</source>
        <translation>megnyert ÷ lezárt</translation>
    </message>
    <message>
        <source>no win</source>
        <translation>nincs nyerés</translation>
    </message>
    <message>
        <source>more selling time per win than the business</source>
        <translation>több értékesítési idő megnyert ügyletenként, mint a vállalkozás egészében</translation>
    </message>
</context>
<context>
    <name>Deals</name>
    <message>
        <source>That deal no longer exists.</source>
        <translation>Ez az ügylet már nem létezik.</translation>
    </message>
    <message>
        <source>There is no stage called {name}.</source>
        <translation>Nincs {name} nevű szakasz.</translation>
    </message>
</context>
<context>
    <name>DealsTab</name>
    <message>
        <source>Search title, client, salesperson, product, notes…</source>
        <translation>Keresés megnevezésben, ügyfélben, értékesítőben, termékben, jegyzetekben…</translation>
    </message>
    <message>
        <source>Search the deals</source>
        <translation>Keresés az ügyletek között</translation>
    </message>
    <message>
        <source>Show deals by outcome</source>
        <translation>Ügyletek szűrése eredmény szerint</translation>
    </message>
    <message>
        <source>New Deal</source>
        <translation>Új ügylet</translation>
    </message>
    <message>
        <source>Record a new deal (Ctrl+N)</source>
        <translation>Új ügylet rögzítése (Ctrl+N)</translation>
    </message>
    <message>
        <source>Show All Deals</source>
        <translation>Az összes ügylet megjelenítése</translation>
    </message>
    <message>
        <source>Showing the {count} deals behind the figures of: {what}</source>
        <translation>A következő számok mögötti {count} ügylet látható: {what}</translation>
    </message>
    <message>
        <source>Showing the {count} deals behind the figures of: {what}. Outcomes as on {day}, the period&apos;s end: a deal decided later shows as open, in italics</source>
        <translation>A következő számok mögötti {count} ügylet látható: {what}. Az eredmények az időszak végi ({day}) állapotot mutatják: a később lezárt ügylet nyitottként, dőlt betűvel látszik</translation>
    </message>
    <message>
        <source>Clear the search or choose {all_outcomes}.</source>
        <translation>Törölje a keresést, vagy válassza ezt: {all_outcomes}.</translation>
    </message>
    <message>
        <source>No deals match this search.</source>
        <translation>Egy ügylet sem felel meg a keresésnek.</translation>
    </message>
    <message>
        <source>This file has no deals yet.</source>
        <translation>Ebben a fájlban még nincs ügylet.</translation>
    </message>
    <message>
        <source>No deals yet.</source>
        <translation>Még nincs ügylet.</translation>
    </message>
    <message>
        <source>Record your first deal, bring your deals from a spreadsheet or another CRM, or look around a made-up firm first.</source>
        <translation>Rögzítse az első ügyletét, hozza át ügyleteit egy táblázatból vagy egy másik CRM-ből, vagy előbb nézzen körül egy kitalált cégnél.</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title} (csak olvasható)</translation>
    </message>
    <message>
        <source>Delete the deal “{title}”? You can undo this with Ctrl+Z.</source>
        <translation>Törli a(z) „{title}” ügyletet? A Ctrl+Z billentyűkkel visszavonhatja.</translation>
    </message>
    <message>
        <source>Delete {count} deals? You can undo this with Ctrl+Z.</source>
        <translation>Törli a kijelölt {count} ügyletet? A Ctrl+Z billentyűkkel visszavonhatja.</translation>
    </message>
    <message>
        <source>Delete deals</source>
        <translation>Ügyletek törlése</translation>
    </message>
    <message>
        <source>This deal is at the last stage already.</source>
        <translation>Ez az ügylet már az utolsó szakaszban van.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Megnyitás…</translation>
    </message>
    <message>
        <source>Move to Stage</source>
        <translation>Áthelyezés szakaszba</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Törlés…</translation>
    </message>
    <message>
        <source>more than {count} deals</source>
        <translation>több mint {count} ügylet</translation>
    </message>
    <message>
        <source>{count} deal</source>
        <translation>{count} ügylet</translation>
    </message>
    <message>
        <source>{count} deals</source>
        <translation>{count} ügylet</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Minden eredmény</translation>
    </message>
</context>
<context>
    <name>DeleteAssessmentCommand</name>
    <message>
        <source>Delete the assessment of {rep} ({date})</source>
        <translation>{rep} értékelésének törlése ({date})</translation>
    </message>
</context>
<context>
    <name>DeleteChangeCommand</name>
    <message>
        <source>Delete the change &quot;{change}&quot;</source>
        <translation>A(z) „{change}” változás törlése</translation>
    </message>
</context>
<context>
    <name>DeleteCompetitorCommand</name>
    <message>
        <source>Delete the notes on {name}</source>
        <translation>A(z) {name} jegyzeteinek törlése</translation>
    </message>
</context>
<context>
    <name>DeleteDealsCommand</name>
    <message>
        <source>Delete deal {title}</source>
        <translation>„{title}” ügylet törlése</translation>
    </message>
    <message>
        <source>Delete {count} deals</source>
        <translation>{count} ügylet törlése</translation>
    </message>
</context>
<context>
    <name>DeleteResponsesCommand</name>
    <message>
        <source>Delete a survey response</source>
        <translation>Felmérési válasz törlése</translation>
    </message>
    <message>
        <source>Delete {count} survey responses</source>
        <translation>{count} felmérési válasz törlése</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <source>Distribution of deal lengths</source>
        <translation>Az ügylethosszak eloszlása</translation>
    </message>
    <message>
        <source>Deal length = close date − first contact in days, of closed (won or lost) deals; bars of {width} days. n = {count} closed deals, average {average}, median {median}.</source>
        <translation>Ügylet hossza = lezárás dátuma − első kapcsolatfelvétel, napokban, a lezárt (megnyert vagy elvesztett) ügyletekre; oszlopszélesség: {width} nap. n = {count} lezárt ügylet, átlag {average}, medián {median}.</translation>
    </message>
    <message>
        <source>Deal length = close date − first contact in days, of closed (won or lost) deals; bars of {width} day. n = {count} closed deals, average {average}, median {median}.</source>
        <translation>Ügylet hossza = lezárás dátuma − első kapcsolatfelvétel, napokban, a lezárt (megnyert vagy elvesztett) ügyletekre; oszlopszélesség: {width} nap. n = {count} lezárt ügylet, átlag {average}, medián {median}.</translation>
    </message>
    <message>
        <source>Deal length (days; one day)</source>
        <translation>Ügylet hossza (nap; oszloponként egy nap)</translation>
    </message>
    <message>
        <source>Deal length (days; one {width}-day bar)</source>
        <translation>Ügylet hossza (nap; oszloponként {width} nap)</translation>
    </message>
    <message>
        <source>Closed deals</source>
        <translation>Lezárt ügyletek</translation>
    </message>
    <message>
        <source>median</source>
        <translation>medián</translation>
    </message>
    <message>
        <source>average</source>
        <translation>átlag</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} nap</translation>
    </message>
    <message>
        <source>{first}–{last} days</source>
        <translation>{first}–{last} nap</translation>
    </message>
    <message>
        <source>{span}: {count} closed deals</source>
        <translation>{span}: {count} lezárt ügylet</translation>
    </message>
</context>
<context>
    <name>DraggingDeal</name>
    <message>
        <source>{rep}&apos;s &apos;{product}&apos; deals</source>
        <translation>{rep} &apos;{product}&apos; ügyleteinek</translation>
    </message>
    <message>
        <source>&apos;{product}&apos; deals</source>
        <translation>a(z) &apos;{product}&apos; ügyletek</translation>
    </message>
    <message>
        <source>all deals</source>
        <translation>az összes ügylet</translation>
    </message>
    <message>
        <source>of the closed deals still open at {age} days, {won} of {count} ({share}) were won</source>
        <translation>a {age} napos korukban még nyitott lezárt ügyletek közül {count} ügyletből {won} ({share}) lett megnyert</translation>
    </message>
    <message>
        <source>no closed deal was still open at {age} days</source>
        <translation>egyetlen lezárt ügylet sem volt még nyitva {age} napos korában</translation>
    </message>
    <message>
        <source>Open for {age} days, past {factor} × the {average}-day average of {whose} (n = {count}); {history}.</source>
        <translation>{age} napja nyitott, tovább, mint {factor} × {average} nap ({whose} átlagos hossza, n = {count}); {history}.</translation>
    </message>
</context>
<context>
    <name>DraggingModel</name>
    <message>
        <source>(no salesperson)</source>
        <translation>(nincs értékesítő)</translation>
    </message>
    <message>
        <source>Dragging on: {explanation}</source>
        <translation>Elhúzódik: {explanation}</translation>
    </message>
    <message>
        <source>Salesperson / deal</source>
        <translation>Értékesítő / ügylet</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Kor</translation>
    </message>
    <message>
        <source>Usual length</source>
        <translation>Szokásos hossz</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Határ</translation>
    </message>
    <message>
        <source>Measured against</source>
        <translation>Viszonyítási alap</translation>
    </message>
    <message>
        <source>Won at this age</source>
        <translation>Megnyerve ebben a korban</translation>
    </message>
    <message>
        <source>{rep} — {count} deal dragging on</source>
        <translation>{rep} — {count} elhúzódó ügylet</translation>
    </message>
    <message>
        <source>{rep} — {count} deals dragging on</source>
        <translation>{rep} — {count} elhúzódó ügylet</translation>
    </message>
    <message>
        <source>Deal #{id}</source>
        <translation>#{id} ügylet</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} nap</translation>
    </message>
    <message>
        <source>{days} days (n = {count})</source>
        <translation>{days} nap (n = {count})</translation>
    </message>
    <message>
        <source>— (none that late)</source>
        <translation>— (egy sem ilyen idős)</translation>
    </message>
    <message>
        <source>{share} ({won} of {count})</source>
        <translation>{share} ({count} ügyletből {won})</translation>
    </message>
</context>
<context>
    <name>EditChangeCommand</name>
    <message>
        <source>Edit the change &quot;{change}&quot;</source>
        <translation>A(z) „{change}” változás szerkesztése</translation>
    </message>
</context>
<context>
    <name>EditDealCommand</name>
    <message>
        <source>Edit deal {title}</source>
        <translation>„{title}” ügylet szerkesztése</translation>
    </message>
</context>
<context>
    <name>EditResponseCommand</name>
    <message>
        <source>Edit the survey response of {date}</source>
        <translation>A(z) {date} napi felmérési válasz szerkesztése</translation>
    </message>
</context>
<context>
    <name>EditSettingsCommand</name>
    <message>
        <source>Change preferences</source>
        <translation>Beállítások módosítása</translation>
    </message>
</context>
<context>
    <name>ErrorHandler</name>
    <message>
        <source>{count} more errors happened since; the log holds them all.</source>
        <translation>Azóta még {count} hiba történt; a napló mindet tartalmazza.</translation>
    </message>
    <message>
        <source>{count} more error happened since; the log holds them all.</source>
        <translation>Azóta még {count} hiba történt; a napló mindet tartalmazza.</translation>
    </message>
    <message>
        <source>{sentence} salesdesk keeps running; what was saved is safe.

The details were written to {log}.</source>
        <translation>{sentence} A salesdesk tovább fut; ami mentve lett, biztonságban van.

A részletek ide kerültek: {log}.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{name} is busy: another program is using it. Nothing was changed; try again in a moment.</source>
        <translation>A(z) {name} foglalt: egy másik program használja. Semmi sem változott; próbálja újra egy kis idő múlva.</translation>
    </message>
    <message>
        <source>{name} cannot be changed here: the file or its folder is read-only. Nothing was changed.</source>
        <translation>A(z) {name} itt nem módosítható: a fájl vagy a mappája csak olvasható. Semmi sem változott.</translation>
    </message>
    <message>
        <source>The disk holding {name} is full. Nothing was changed; free some space and try again.</source>
        <translation>A(z) {name} fájlt tároló lemez megtelt. Semmi sem változott; szabadítson fel helyet, és próbálja újra.</translation>
    </message>
    <message>
        <source>{name} could not be read or written ({error}). Check that the disk or folder is still there.</source>
        <translation>A(z) {name} nem olvasható és nem írható ({error}). Ellenőrizze, hogy a lemez vagy a mappa még elérhető-e.</translation>
    </message>
    <message>
        <source>{name} is damaged ({error}). Use File ▸ Restore from Backup (or salesdesk restore) to go back to a healthy copy.</source>
        <translation>A(z) {name} sérült ({error}). A Fájl ▸ Visszaállítás biztonsági mentésből menüponttal (vagy a salesdesk restore paranccsal) térhet vissza egy ép példányhoz.</translation>
    </message>
    <message>
        <source>Something went wrong that salesdesk did not expect ({what}).</source>
        <translation>A salesdesk váratlan hibába ütközött ({what}).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the image could not be written</source>
        <translation>a képet nem sikerült kiírni</translation>
    </message>
    <message>
        <source>the drawing could not be written</source>
        <translation>a rajzot nem sikerült kiírni</translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation>a PDF-et nem sikerült kiírni</translation>
    </message>
    <message>
        <source>The size must be between 1 and {most} pixels per side.</source>
        <translation>A méretnek oldalanként 1 és {most} képpont között kell lennie.</translation>
    </message>
    <message>
        <source>Could not save {name} in {folder}: {reason}.</source>
        <translation>A(z) {name} nem menthető a(z) {folder} mappába: {reason}.</translation>
    </message>
</context>
<context>
    <name>ExportFormat</name>
    <message>
        <source>{name}: the file name must end in {suffixes}.</source>
        <translation>{name}: a fájlnév végződése ezek egyike legyen: {suffixes}.</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-kép</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG-rajz</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-dokumentum</translation>
    </message>
    <message>
        <source>CSV figures</source>
        <translation>CSV-adatok</translation>
    </message>
</context>
<context>
    <name>ExportJobs</name>
    <message>
        <source>There are no figures to report yet: record deals first (or wait until the figures are counted).</source>
        <translation>Még nincsenek mutatók a jelentéshez: előbb rögzítsen ügyleteket (vagy várja meg, amíg a mutatók elkészülnek).</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Jelentés exportálása</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumentumok (*.pdf)</translation>
    </message>
    <message>
        <source>{name} — sales figures</source>
        <translation>{name} — értékesítési mutatók</translation>
    </message>
    <message>
        <source>Sample business (demo)</source>
        <translation>Mintavállalkozás (demó)</translation>
    </message>
    <message>
        <source>Saved the report to {path}.</source>
        <translation>A jelentés elmentve ide: {path}.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>A jelentés írása…</translation>
    </message>
    <message>
        <source>Export deals</source>
        <translation>Ügyletek exportálása</translation>
    </message>
    <message>
        <source>Export only the deals the Deals list shows now? (No exports every deal.)</source>
        <translation>Csak az Ügyletek listában most látható ügyleteket exportálja? (A Nem gomb az összes ügyletet exportálja.)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel-munkafüzet (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting deals… {done} of {total}</source>
        <translation>Ügyletek exportálása… {done} / {total}</translation>
    </message>
    <message>
        <source>Exported {count} deals to {path}.</source>
        <translation>{count} ügylet exportálva ide: {path}.</translation>
    </message>
    <message>
        <source>Exporting deals…</source>
        <translation>Ügyletek exportálása…</translation>
    </message>
    <message>
        <source>The deals were not exported: {error}</source>
        <translation>Az ügyletek exportálása nem sikerült: {error}</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Az exportálás megszakítva; nem készült fájl.</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>{name}: export to a .csv or .xlsx file.</source>
        <translation>{name}: .csv vagy .xlsx fájlba exportáljon.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Az exportálás megszakítva; nem készült fájl.</translation>
    </message>
</context>
<context>
    <name>Facade</name>
    <message>
        <source>{name} is open read-only.</source>
        <translation>A(z) {name} csak olvasásra van megnyitva.</translation>
    </message>
</context>
<context>
    <name>FiguresHelpDialog</name>
    <message>
        <source>&lt;h2&gt;How the figures are computed&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Hogyan számítjuk a mutatókat&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Conversion&lt;/h3&gt; &lt;p&gt;&lt;b&gt;Conversion = won ÷ (won + lost)&lt;/b&gt;, shown as a percentage. Only customers who decided count: open deals are left out, because they have not said yes or no yet. With no decided deal there is no figure (“—”), never 0 %.&lt;/p&gt; &lt;p&gt;Next to it: &lt;b&gt;n&lt;/b&gt;, the number of decided deals, and the &lt;b&gt;likely range&lt;/b&gt; (a 95 % Wilson interval): the range the true conversion very probably lies in. A slice with fewer decided deals than the threshold (20 unless changed) is marked &lt;i&gt;too few to judge&lt;/i&gt;: its percentage moves a lot with every single deal.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Konverzió&lt;/h3&gt; &lt;p&gt;&lt;b&gt;Konverzió = megnyert ÷ (megnyert + elvesztett)&lt;/b&gt;, százalékban. Csak a döntött ügyfelek számítanak: a nyitott ügyletek kimaradnak, mert még nem mondtak sem igent, sem nemet. Lezárt ügylet nélkül nincs érték („—”), sosem 0 %.&lt;/p&gt; &lt;p&gt;Mellette: &lt;b&gt;n&lt;/b&gt;, a lezárt ügyletek száma, és a &lt;b&gt;valószínű tartomány&lt;/b&gt; (95 %-os Wilson-intervallum): a tartomány, amelyben a valódi konverzió nagy valószínűséggel van. A küszöbnél (ha nem módosították, 20) kevesebb lezárt ügyletet tartalmazó bontás jelölése &lt;i&gt;túl kevés az ítélethez&lt;/i&gt;: a százaléka minden egyes ügylettel sokat mozdul.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Deal length&lt;/h3&gt; &lt;p&gt;The length of a closed deal (won &lt;i&gt;or&lt;/i&gt; lost) is its &lt;b&gt;close date − first-contact date&lt;/b&gt; in days; a deal closed on the day of first contact took 0 days.&lt;/p&gt; &lt;p&gt;&lt;b&gt;Average deal length = the sum of those days ÷ the number of closed deals.&lt;/b&gt; Lost deals count too: a “no” also ends a deal.&lt;/p&gt; &lt;p&gt;&lt;i&gt;Worked example:&lt;/i&gt; three closed deals took 20, 30 and 40 days → (20 + 30 + 40) ÷ 3 = 90 ÷ 3 = &lt;b&gt;30 days&lt;/b&gt;.&lt;/p&gt; &lt;p&gt;Also shown: the median (half the deals were shorter), and the averages of won deals and of lost deals separately.&lt;/p&gt; &lt;p&gt;&lt;i&gt;Deals imported without a date:&lt;/i&gt; a won or lost deal whose close date or first contact is unknown (the file it came from did not have it) still counts in &lt;b&gt;conversion&lt;/b&gt;, but not in deal length, which is computed over the others. The screen then says so: “deal length over 812 of 1,000 decided deals”; &lt;code&gt;salesdesk report&lt;/code&gt; gives their number as &lt;code&gt;length_unknown&lt;/code&gt;, beside &lt;code&gt;amount_unknown&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Az ügylet hossza&lt;/h3&gt; &lt;p&gt;Egy lezárt (megnyert &lt;i&gt;vagy&lt;/i&gt; elvesztett) ügylet hossza a &lt;b&gt;lezárás dátuma − az első kapcsolatfelvétel dátuma&lt;/b&gt;, napokban; az első kapcsolatfelvétel napján lezárt ügylet 0 napig tartott.&lt;/p&gt; &lt;p&gt;&lt;b&gt;Átlagos ügylethossz = e napok összege ÷ a lezárt ügyletek száma.&lt;/b&gt; Az elvesztett ügyletek is számítanak: a „nem” is lezár egy ügyletet.&lt;/p&gt; &lt;p&gt;&lt;i&gt;Kidolgozott példa:&lt;/i&gt; három lezárt ügylet 20, 30 és 40 napig tartott → (20 + 30 + 40) ÷ 3 = 90 ÷ 3 = &lt;b&gt;30 nap&lt;/b&gt;.&lt;/p&gt; &lt;p&gt;Szintén látható: a medián (az ügyletek fele rövidebb volt), valamint a megnyert és az elvesztett ügyletek átlaga külön.&lt;/p&gt; &lt;p&gt;&lt;i&gt;Dátum nélkül importált ügyletek:&lt;/i&gt; az a megnyert vagy elvesztett ügylet, amelynek lezárási dátuma vagy első kapcsolatfelvétele ismeretlen (a forrásfájlban nem szerepelt), a &lt;b&gt;konverzióba&lt;/b&gt; beszámít, az ügylet hosszába viszont nem, azt a többiből számítjuk. A képernyő ezt jelzi is: „az ügylet hossza 1,000 lezárt ügyletből 812 alapján”; a &lt;code&gt;salesdesk report&lt;/code&gt; a számukat &lt;code&gt;length_unknown&lt;/code&gt; néven adja meg, az &lt;code&gt;amount_unknown&lt;/code&gt; mellett.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Funnel&lt;/h3&gt; &lt;p&gt;For each pipeline stage, the deals that &lt;b&gt;reached&lt;/b&gt; it: a deal at stage k has passed stages 1 … k, and a deal without a known stage counts at the first stage only. &lt;b&gt;Step conversion = reached(k + 1) ÷ reached(k)&lt;/b&gt;; won is the last step. The funnel can be shown by number of deals or by amount. It counts the same deals as the other figures, each as it stood at the period&apos;s end: a deal won after the period ended was open then, so it stands at its stage and is not among the won (for &lt;i&gt;deals started in the period&lt;/i&gt;, today&apos;s outcome counts). &lt;i&gt;Show Deals&lt;/i&gt; lists them as open, in italics.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tölcsér&lt;/h3&gt; &lt;p&gt;Minden értékesítési szakaszra az azt &lt;b&gt;elérő&lt;/b&gt; ügyletek: a k. szakaszban lévő ügylet az 1 … k. szakaszon már átjutott, az ismert szakasz nélküli ügylet pedig csak az első szakasznál számít. &lt;b&gt;Lépés konverziója = elérte(k + 1) ÷ elérte(k)&lt;/b&gt;; az utolsó lépés a megnyert. A tölcsér ügyletszám vagy összeg szerint is megjeleníthető. Ugyanazokat az ügyleteket számolja, mint a többi mutató, mindegyiket az időszak végi állapotában: az időszak vége után megnyert ügylet akkor még nyitott volt, így a szakaszánál áll, és nincs a megnyertek között (&lt;i&gt;az időszakban indult ügyleteknél&lt;/i&gt; a mai kimenetel számít). Az &lt;i&gt;Ügyletek megjelenítése&lt;/i&gt; ezeket nyitottként, dőlt betűvel listázza.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Periods&lt;/h3&gt; &lt;ul&gt; &lt;li&gt;Won, lost, conversion and deal length count the deals &lt;b&gt;closed in the period&lt;/b&gt; (by close date; dates are inclusive). A won or lost deal without a close date belongs to no period: it counts under &lt;i&gt;all time&lt;/i&gt; only (and, for deals started in the period, by its first contact).&lt;/li&gt; &lt;li&gt;The &lt;b&gt;open&lt;/b&gt; count of a period is the deals open at its end: first contact on or before the end (or none yet), and not closed by then. &lt;b&gt;Deals = won + lost + open.&lt;/b&gt;&lt;/li&gt; &lt;li&gt;&lt;i&gt;Deals started in the period&lt;/i&gt; (a cohort) counts instead the deals first contacted in the period, by their outcome today.&lt;/li&gt; &lt;li&gt;Months are written YYYY-MM and quarters YYYY-Qn (calendar quarters). The fiscal year&apos;s first month only moves the “this year” preset. The default period is all time.&lt;/li&gt; &lt;li&gt;&lt;i&gt;Compare with previous period&lt;/i&gt; sets each headline figure against the period of the same length just before.&lt;/li&gt; &lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Időszakok&lt;/h3&gt; &lt;ul&gt; &lt;li&gt;A megnyert, az elvesztett, a konverzió és az ügylet hossza az &lt;b&gt;időszakban lezárt&lt;/b&gt; ügyleteket számolja (a lezárás dátuma szerint; a határnapok beletartoznak). A lezárási dátum nélküli megnyert vagy elvesztett ügylet egyik időszakhoz sem tartozik: csak a &lt;i&gt;teljes időszakban&lt;/i&gt; számít (az időszakban indult ügyleteknél pedig az első kapcsolatfelvétele szerint).&lt;/li&gt; &lt;li&gt;Egy időszak &lt;b&gt;nyitott&lt;/b&gt; ügyletei az időszak végén nyitott ügyletek: az első kapcsolatfelvétel legkésőbb az időszak végén volt (vagy még nem történt meg), és addig nem zárultak le. &lt;b&gt;Ügyletek = megnyert + elvesztett + nyitott.&lt;/b&gt;&lt;/li&gt; &lt;li&gt;Az &lt;i&gt;időszakban indult ügyletek&lt;/i&gt; (kohorsz) ehelyett az időszakban első kapcsolatfelvétellel indult ügyleteket számolja, a mai kimenetelük szerint.&lt;/li&gt; &lt;li&gt;A hónapok ÉÉÉÉ-HH, a negyedévek ÉÉÉÉ-Qn alakúak (naptári negyedévek). Az üzleti év első hónapja csak az „Ez az év” beállítást tolja el. Az alapértelmezett időszak a teljes időszak.&lt;/li&gt; &lt;li&gt;Az &lt;i&gt;Összevetés az előző időszakkal&lt;/i&gt; minden fő mutatót a közvetlenül előtte lévő, azonos hosszúságú időszakhoz hasonlít.&lt;/li&gt; &lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Slices&lt;/h3&gt; &lt;p&gt;Values chosen within one filter are combined with OR (Anna &lt;i&gt;or&lt;/i&gt; Ben); different filters with AND (Anna or Ben, &lt;i&gt;and&lt;/i&gt; channel Web). A deal with no value for the grouping is shown under “(none)”.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bontások&lt;/h3&gt; &lt;p&gt;Egy szűrőn belül kiválasztott értékek VAGY kapcsolatban állnak (Anna &lt;i&gt;vagy&lt;/i&gt; Ben); a különböző szűrők ÉS kapcsolatban (Anna vagy Ben, &lt;i&gt;és&lt;/i&gt; Web csatorna). A csoportosítás szerinti érték nélküli ügylet a „(nincs)” alatt jelenik meg.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Money&lt;/h3&gt; &lt;p&gt;Amounts are summed in the file&apos;s base currency over the deals whose amount is known. A deal in another currency without an exchange rate is left out of money figures; both counts are shown.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pénz&lt;/h3&gt; &lt;p&gt;Az összegeket a fájl alappénznemében összesítjük, az ismert összegű ügyletekre. A más pénznemű, árfolyam nélküli ügylet kimarad a pénzügyi mutatókból; mindkét darabszám látható.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Growth points&lt;/h3&gt; &lt;p&gt;Every customer type, channel, product, audience, region and salesperson is compared with a &lt;b&gt;reference&lt;/b&gt;: by default the median of the other values of the same dimension that have at least the “too few to judge” number of decided deals (optionally the best of them, or the business average), over the chosen period.&lt;/p&gt; &lt;ul&gt; &lt;li&gt;A &lt;b&gt;conversion lever&lt;/b&gt; has at least that many decided deals and a 95 % Wilson interval entirely below the reference. Its monthly value = (reference − its conversion) × its decided deals a month (over the months the period spans) × its average won amount (the business average when fewer than 5 of its won deals have an amount).&lt;/li&gt; &lt;li&gt;A &lt;b&gt;deal-length lever&lt;/b&gt; has at least that many closed deals of known length, a longer average than the reference, and a 95 % Welch interval of the difference (against the deals the reference comes from) entirely above 0. It is ranked by the deal-days a month that matching the reference would free: (its average − reference) × its closed deals a month.&lt;/li&gt; &lt;li&gt;Values behind the reference without that evidence are listed under &lt;b&gt;Watch&lt;/b&gt;, never ranked. The trend shows each lever&apos;s figure in the last six quarters.&lt;/li&gt; &lt;li&gt;A deal is &lt;b&gt;dragging on&lt;/b&gt; when it is open and older (days since first contact) than 1.5 × (adjustable) the average length of the closed deals of the same salesperson and product, else the product, else the whole business (the first with enough closed deals). The win share at its age is, of those closed deals still open at that age, the share that was won.&lt;/li&gt; &lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Növekedési pontok&lt;/h3&gt; &lt;p&gt;Minden ügyféltípust, csatornát, terméket, célcsoportot, régiót és értékesítőt egy &lt;b&gt;viszonyítási alaphoz&lt;/b&gt; mérünk: alapértelmezés szerint ugyanazon szempont azon többi értékének mediánjához, amelyeknek legalább a „túl kevés az ítélethez” küszöbnyi lezárt ügyletük van (választhatóan ezek legjobbjához vagy a vállalkozás átlagához), a választott időszakban.&lt;/p&gt; &lt;ul&gt; &lt;li&gt;Egy &lt;b&gt;konverziós lehetőségnek&lt;/b&gt; legalább ennyi lezárt ügylete van, és 95 %-os Wilson-intervalluma teljes egészében a viszonyítási alap alatt van. Havi értéke = (viszonyítási alap − a konverziója) × havi lezárt ügyletei (az időszak által átfogott hónapokra) × átlagos megnyert összege (a vállalkozás átlaga, ha megnyert ügyletei közül 5-nél kevesebbnek van összege).&lt;/li&gt; &lt;li&gt;Egy &lt;b&gt;ügylethossz-lehetőségnek&lt;/b&gt; legalább ennyi ismert hosszúságú lezárt ügylete van, átlaga hosszabb a viszonyítási alapnál, és a különbség 95 %-os Welch-intervalluma (azokkal az ügyletekkel szemben, amelyekből a viszonyítási alap származik) teljes egészében 0 fölött van. A rangsor alapja a havi ügyletnapok száma, amelyet a viszonyítási alap elérése felszabadítana: (az átlaga − viszonyítási alap) × havi lezárt ügyletei.&lt;/li&gt; &lt;li&gt;A viszonyítási alap mögött lemaradó, de ilyen alátámasztással nem rendelkező értékek a &lt;b&gt;Figyelendő&lt;/b&gt; listára kerülnek, rangsorolás nélkül. A trend minden lehetőség mutatóját az utolsó hat negyedévben mutatja.&lt;/li&gt; &lt;li&gt;Egy ügylet akkor &lt;b&gt;húzódik el&lt;/b&gt;, ha nyitott, és régebbi (az első kapcsolatfelvétel óta eltelt napok szerint), mint az azonos értékesítő és termék lezárt ügyletei átlagos hosszának 1.5-szerese (állítható), ennek híján a terméké, végül a teljes vállalkozásé (az első, amelynek elég lezárt ügylete van). A nyerési arány az adott korban: azon lezárt ügyletek közül, amelyek ebben a korban még nyitottak voltak, a megnyertek aránya.&lt;/li&gt; &lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Customers&lt;/h3&gt; &lt;p&gt;&lt;b&gt;NPS&lt;/b&gt; = % promoters (scores 9–10) − % detractors (0–6) of the survey responses counted, from −100 to +100, always shown with n (responses). All passives (7–8) give 0; no response gives no NPS (“—”). B2C surveys ask “On a scale of 0–10, how likely are you to recommend us to friends or colleagues?”, B2B ones “How likely are you to order from us again?”; both then ask “What should we do next time to earn a 10?”.&lt;/p&gt; &lt;p&gt;&lt;b&gt;Repeat purchases&lt;/b&gt; of a product or client = won deals made by current customers (a won deal closed before the deal&apos;s first contact) ÷ won deals, over the deals closed in the period.&lt;/p&gt; &lt;p&gt;&lt;b&gt;Before and after a touchpoint change&lt;/b&gt;: conversion and deal length in two equal windows (90 days unless you choose another length) — the days before the change and the days from it on, shortened alike when the change is recent. Conversion comes with its 95 % Wilson interval, deal length with its 95 % t interval; a verdict (“conversion rose”) is given only when both windows have enough deals (the “too few to judge” threshold) and the 95 % interval of the change excludes zero.&lt;/p&gt; &lt;p&gt;&lt;b&gt;Deal-days per win&lt;/b&gt; of an audience = the average length of its closed deals ÷ its conversion (the days all its closed deals took, lost ones included, ÷ its won deals): the selling time one win costs. Audiences with enough decided deals that cost more than the business as a whole are pointed out.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ügyfelek&lt;/h3&gt; &lt;p&gt;&lt;b&gt;NPS&lt;/b&gt; = az ajánlók (9–10 pont) %-a − az elégedetlenek (kritikusok, 0–6 pont) %-a a beszámított felmérési válaszok közül, −100 és +100 között, mindig n-nel (válaszok száma) együtt. Ha mindenki semleges (7–8), az eredmény 0; válasz nélkül nincs NPS („—”). A B2C felmérések azt kérdezik: „0-tól 10-ig mennyire valószínű, hogy ajánlana minket barátainak vagy kollégáinak?”, a B2B felmérések: „Mennyire valószínű, hogy újra rendel tőlünk?”; utána mindkettő megkérdezi: „Mit tegyünk legközelebb, hogy 10-est kapjunk?”.&lt;/p&gt; &lt;p&gt;Egy termék vagy ügyfél &lt;b&gt;ismételt vásárlásai&lt;/b&gt; = a meglévő ügyfelek által kötött megnyert ügyletek (meglévő ügyfél: akinek volt az ügylet első kapcsolatfelvétele előtt lezárt megnyert ügylete) ÷ megnyert ügyletek, az időszakban lezárt ügyletekre.&lt;/p&gt; &lt;p&gt;&lt;b&gt;Egy érintkezési pont változása előtt és után&lt;/b&gt;: a konverzió és az ügylet hossza két egyforma ablakban (90 nap, ha nem választ más hosszt) — a változás előtti és a változástól kezdődő napokban, és mindkettő egyformán rövidebb, ha a változás friss. A konverzió 95 %-os Wilson-intervallummal, az ügylet hossza 95 %-os t-intervallummal jelenik meg; értékelést („a konverzió nőtt”) csak akkor adunk, ha mindkét ablakban elég ügylet van (a „túl kevés az ítélethez” küszöb) és a változás 95 %-os intervalluma nem tartalmazza a nullát.&lt;/p&gt; &lt;p&gt;Egy célcsoport &lt;b&gt;nyerésenkénti ügyletnapjai&lt;/b&gt; = lezárt ügyleteinek átlagos hossza ÷ a konverziója (az összes lezárt ügyletére, az elvesztetteket is beleértve, fordított napok ÷ megnyert ügyletei): ennyi értékesítési időbe kerül egy nyerés. Kiemeljük azokat a kellő számú lezárt ügylettel rendelkező célcsoportokat, amelyek többe kerülnek, mint a vállalkozás egésze.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How figures are computed</source>
        <translation>Hogyan számítjuk a mutatókat</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>All deals in the slice</source>
        <translation>A bontás összes ügylete</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Ügyletek</translation>
    </message>
    <message>
        <source>won + lost + open deals counted in the period</source>
        <translation>az időszakban számolt megnyert + elvesztett + nyitott ügyletek</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Nyitott</translation>
    </message>
    <message>
        <source>deals open at the end of the period</source>
        <translation>az időszak végén nyitott ügyletek</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Megnyert</translation>
    </message>
    <message>
        <source>won deals</source>
        <translation>megnyert ügyletek</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Elvesztett</translation>
    </message>
    <message>
        <source>lost deals</source>
        <translation>elvesztett ügyletek</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source> (too few)</source>
        <translation> (túl kevés)</translation>
    </message>
    <message>
        <source>won ÷ (won + lost); open deals are not counted</source>
        <translation>megnyert ÷ (megnyert + elvesztett); a nyitott ügyletek nem számítanak</translation>
    </message>
    <message>
        <source>Likely range</source>
        <translation>Valószínű tartomány</translation>
    </message>
    <message>
        <source>Avg length (days)</source>
        <translation>Átl. hossz (nap)</translation>
    </message>
    <message>
        <source>mean days from first contact to close over won and lost deals</source>
        <translation>az első kapcsolatfelvételtől a lezárásig eltelt napok átlaga a megnyert és elvesztett ügyleteken</translation>
    </message>
    <message>
        <source>Median (days)</source>
        <translation>Medián (nap)</translation>
    </message>
    <message>
        <source>median deal length of closed deals</source>
        <translation>a lezárt ügyletek hosszának mediánja</translation>
    </message>
    <message>
        <source>Won avg</source>
        <translation>Megnyert átl.</translation>
    </message>
    <message>
        <source>average length of won deals</source>
        <translation>a megnyert ügyletek átlagos hossza</translation>
    </message>
    <message>
        <source>Lost avg</source>
        <translation>Elvesztett átl.</translation>
    </message>
    <message>
        <source>average length of lost deals</source>
        <translation>az elvesztett ügyletek átlagos hossza</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Megnyert összeg</translation>
    </message>
    <message>
        <source>sum of won deals with a known amount, in the base currency</source>
        <translation>az ismert összegű megnyert ügyletek összege, alappénznemben</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Csoport</translation>
    </message>
    <message>
        <source>n = {count} decided deals — too few to judge</source>
        <translation>n = {count} lezárt ügylet — túl kevés az ítélethez</translation>
    </message>
    <message>
        <source>n = {count} decided deals</source>
        <translation>n = {count} lezárt ügylet</translation>
    </message>
</context>
<context>
    <name>FileJobs</name>
    <message>
        <source>salesdesk databases (*.db *.sqlite *.salesdesk);;All files (*)</source>
        <translation>salesdesk-adatbázisok (*.db *.sqlite *.salesdesk);;Minden fájl (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Új adatbázis</translation>
    </message>
    <message>
        <source>{name} exists already. Choose a new name; to open it, use File ▸ Open.</source>
        <translation>{name} már létezik. Válasszon új nevet; a megnyitásához használja a Fájl ▸ Megnyitás menüpontot.</translation>
    </message>
    <message>
        <source>Base currency</source>
        <translation>Alappénznem</translation>
    </message>
    <message>
        <source>Currency of the figures (amounts in other currencies are converted to it):</source>
        <translation>A mutatók pénzneme (a más pénznemű összegek erre lesznek átváltva):</translation>
    </message>
    <message>
        <source>{currency} is not a currency code such as EUR or USD.</source>
        <translation>{currency} nem pénznemkód (ilyen például az EUR vagy az USD).</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Adatbázis megnyitása</translation>
    </message>
    <message>
        <source>Opened the sample business: a made-up firm to look around in.</source>
        <translation>Megnyílt a mintavállalkozás: egy kitalált cég, amelyben szabadon körülnézhet.</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>{name} megnyitva.</translation>
    </message>
    <message>
        <source>The undo history of the previous file was cleared.</source>
        <translation>Az előző fájl visszavonási előzményei törlődtek.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Másolat mentése</translation>
    </message>
    <message>
        <source>Saved a copy to {path}.</source>
        <translation>Másolat elmentve ide: {path}.</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Másolat mentése…</translation>
    </message>
    <message>
        <source>The copy was not saved: {error}</source>
        <translation>A másolat mentése nem sikerült: {error}</translation>
    </message>
    <message>
        <source>Imported {count} deal. The undo history was cleared.</source>
        <translation>{count} ügylet importálva. A visszavonási előzmények törlődtek.</translation>
    </message>
    <message>
        <source>Imported {count} deals. The undo history was cleared.</source>
        <translation>{count} ügylet importálva. A visszavonási előzmények törlődtek.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Az importálás befejeződött</translation>
    </message>
    <message>
        <source>The undo history was cleared: an import cannot be undone step by step.</source>
        <translation>A visszavonási előzmények törlődtek: az importálás nem vonható vissza lépésenként.</translation>
    </message>
</context>
<context>
    <name>FileLocked</name>
    <message>
        <source>{name} is already open for writing by {holder}. Close it there, or open it read-only.</source>
        <translation>A(z) {name} fájlt már megnyitotta írásra {holder}. Zárja be ott, vagy nyissa meg csak olvasásra.</translation>
    </message>
</context>
<context>
    <name>FileOpening</name>
    <message>
        <source>File in use</source>
        <translation>A fájl használatban van</translation>
    </message>
    <message>
        <source>Read-only file</source>
        <translation>Csak olvasható fájl</translation>
    </message>
    <message>
        <source>{error}

Open it read-only?</source>
        <translation>{error}

Megnyitja csak olvasásra?</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>{name} ellenőrzése…</translation>
    </message>
    <message>
        <source>The sample business was not made: {error}</source>
        <translation>A mintavállalkozás létrehozása nem sikerült: {error}</translation>
    </message>
    <message>
        <source>Making the sample business…</source>
        <translation>A mintavállalkozás létrehozása…</translation>
    </message>
    <message>
        <source>The backup was not restored: {error}</source>
        <translation>A biztonsági mentés visszaállítása nem sikerült: {error}</translation>
    </message>
    <message>
        <source>Restoring {name} from its backup…</source>
        <translation>{name} visszaállítása a biztonsági mentéséből…</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>No free temporary name in {folder}.</source>
        <translation>Nincs szabad ideiglenes fájlnév ebben a mappában: {folder}.</translation>
    </message>
</context>
<context>
    <name>FilterButton</name>
    <message>
        <source>Type to search…</source>
        <translation>Gépeljen a kereséshez…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Törlés</translation>
    </message>
    <message>
        <source>{dimension}: all</source>
        <translation>{dimension}: mind</translation>
    </message>
    <message>
        <source>Filter by {dimension}</source>
        <translation>Szűrés: {dimension}</translation>
    </message>
    <message>
        <source>{dimension}: {value} +{more}</source>
        <translation>{dimension}: {value} +{more}</translation>
    </message>
    <message>
        <source>{dimension}: {value}</source>
        <translation>{dimension}: {value}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Likely range: with this many decided deals, the true conversion lies between these values with 95 % certainty (a Wilson interval). The fewer the deals, the wider it is.</source>
        <translation>Valószínű tartomány: ennyi lezárt ügylet alapján a valódi konverzió 95 %-os biztonsággal e két érték közé esik (Wilson-intervallum). Minél kevesebb az ügylet, annál szélesebb.</translation>
    </message>
    <message>
        <source>{value} d</source>
        <translation>{value} nap</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <source>Won</source>
        <translation>Megnyert</translation>
    </message>
    <message>
        <source>Stage funnel by amount</source>
        <translation>Szakaszok tölcsére összeg szerint</translation>
    </message>
    <message>
        <source>Stage funnel</source>
        <translation>Szakaszok tölcsére</translation>
    </message>
    <message>
        <source>Funnel: amounts of the deals that reached each stage (a deal at stage k has passed stages 1..k; a won deal has passed every stage); step conversion = reached(k+1) ÷ reached(k); won is the last step. n = {count} deals in the slice.</source>
        <translation>Tölcsér: az egyes szakaszokat elérő ügyletek összege (a k. szakaszban lévő ügylet az 1..k. szakaszon már átjutott; a megnyert ügylet minden szakaszon átjutott); lépés konverziója = elérte(k+1) ÷ elérte(k); az utolsó lépés a megnyert. n = {count} ügylet a bontásban.</translation>
    </message>
    <message>
        <source>Funnel: deals that reached each stage (a deal at stage k has passed stages 1..k; a won deal has passed every stage); step conversion = reached(k+1) ÷ reached(k); won is the last step. n = {count} deals in the slice.</source>
        <translation>Tölcsér: az egyes szakaszokat elérő ügyletek (a k. szakaszban lévő ügylet az 1..k. szakaszon már átjutott; a megnyert ügylet minden szakaszon átjutott); lépés konverziója = elérte(k+1) ÷ elérte(k); az utolsó lépés a megnyert. n = {count} ügylet a bontásban.</translation>
    </message>
    <message>
        <source>Amounts in {currency}; {unknown} without an amount and {left_out} in a currency without a rate are left out.</source>
        <translation>Összegek {currency} pénznemben; {unknown} összeg nélküli és {left_out} árfolyam nélküli pénznemű ügylet kimarad.</translation>
    </message>
    <message>
        <source>{count} deals</source>
        <translation>{count} ügylet</translation>
    </message>
    <message>
        <source>{percent} of previous</source>
        <translation>az előző {percent}-a</translation>
    </message>
    <message>
        <source>{step}: {count} deals, {amount}</source>
        <translation>{step}: {count} ügylet, {amount}</translation>
    </message>
    <message>
        <source>{deals} of the previous step&apos;s deals, {amount} of its amount</source>
        <translation>az előző lépés ügyleteinek {deals}-a, összegének {amount}-a</translation>
    </message>
    <message>
        <source>{unknown} without an amount, {left_out} in a currency without a rate</source>
        <translation>{unknown} összeg nélkül, {left_out} árfolyam nélküli pénznemben</translation>
    </message>
</context>
<context>
    <name>FunnelTab</name>
    <message>
        <source>Funnel</source>
        <translation>Tölcsér</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source>Deal length</source>
        <translation>Ügylet hossza</translation>
    </message>
    <message>
        <source>Monthly trend</source>
        <translation>Havi trend</translation>
    </message>
    <message>
        <source>Length distribution</source>
        <translation>Hosszeloszlás</translation>
    </message>
    <message>
        <source>Point at a stage for its figures.</source>
        <translation>Mutasson egy szakaszra az adataiért.</translation>
    </message>
    <message>
        <source>Click a bar to filter by its group.</source>
        <translation>Kattintson egy oszlopra a csoportjára szűréshez.</translation>
    </message>
    <message>
        <source>Click a month to look at that month alone.</source>
        <translation>Kattintson egy hónapra, hogy csak azt nézze.</translation>
    </message>
    <message>
        <source>Point at a bar for its deals.</source>
        <translation>Mutasson egy oszlopra az ügyleteiért.</translation>
    </message>
    <message>
        <source>Funnel by amount</source>
        <translation>Tölcsér összeg szerint</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagram exportálása…</translation>
    </message>
    <message>
        <source>Figures by slice</source>
        <translation>Számok bontásonként</translation>
    </message>
    <message>
        <source>Show Deals</source>
        <translation>Ügyletek megjelenítése</translation>
    </message>
    <message>
        <source>Open the Deals tab with exactly the deals behind the selected row (the whole slice when none is selected)</source>
        <translation>Megnyitja az Ügyletek lapot pontosan a kijelölt sor mögötti ügyletekkel (kijelölés nélkül a teljes bontással)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Másolás</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text (Ctrl+C)</source>
        <translation>A táblázat másolása tabulátorral tagolt szövegként (Ctrl+C)</translation>
    </message>
    <message>
        <source>Counting the deals for the figures…</source>
        <translation>Az ügyletek számlálása a mutatókhoz…</translation>
    </message>
    <message>
        <source>The figures could not be computed: {message}</source>
        <translation>A mutatókat nem sikerült kiszámítani: {message}</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:14pt&apos;&gt;No deals yet.&lt;/p&gt;&lt;p&gt;Conversion, deal length and the funnel appear here once deals are recorded in the Deals tab.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:14pt&apos;&gt;Még nincsenek ügyletek.&lt;/p&gt;&lt;p&gt;A konverzió, az ügylet hossza és a tölcsér itt jelenik meg, amint ügyleteket rögzít az Ügyletek lapon.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Csoport</translation>
    </message>
    <message>
        <source>The {shown} groups with the most decided deals, of {total}.</source>
        <translation>A legtöbb lezárt ügylettel rendelkező {shown} csoport, összesen {total} közül.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> vagy </translation>
    </message>
    <message>
        <source>{dimension}: {values}</source>
        <translation>{dimension}: {values}</translation>
    </message>
    <message>
        <source>&lt;b&gt;No deals match {filters}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Nincs ügylet ezzel a szűréssel: {filters}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No deals match {filters}&lt;/b&gt; in this period.</source>
        <translation>&lt;b&gt;Nincs ügylet ezzel a szűréssel: {filters}&lt;/b&gt; ebben az időszakban.</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Szűrők törlése</translation>
    </message>
    <message>
        <source>&lt;b&gt;No deals in this period.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ebben az időszakban nincs ügylet.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Show All Time</source>
        <translation>Teljes időszak</translation>
    </message>
</context>
<context>
    <name>GroupChart</name>
    <message>
        <source>dashed line: all deals, {conversion}</source>
        <translation>szaggatott vonal: összes ügylet, {conversion}</translation>
    </message>
    <message>
        <source>grey: too few to judge (under {threshold} decided deals)</source>
        <translation>szürke: túl kevés az ítélethez ({threshold} lezárt ügylet alatt)</translation>
    </message>
    <message>
        <source>+ {count} more with fewer decided deals (in the CSV export)</source>
        <translation>+ még {count} kevesebb lezárt ügylettel (a CSV-exportban)</translation>
    </message>
</context>
<context>
    <name>GroupCharts</name>
    <message>
        <source>All deals</source>
        <translation>Összes ügylet</translation>
    </message>
</context>
<context>
    <name>GrowthReport</name>
    <message>
        <source>Staff qualification: compare the salesperson&apos;s negotiation preparation in the Scorecards tab.</source>
        <translation>Munkatársak felkészültsége: vesse össze az értékesítő tárgyalási felkészülését az Értékelőlapok lapon.</translation>
    </message>
    <message>
        <source>Target customer: check that these customers fit the offer, and where the time spent on them goes.</source>
        <translation>Célügyfél: ellenőrizze, illenek-e ezek az ügyfelek az ajánlathoz, és mire megy el a velük töltött idő.</translation>
    </message>
    <message>
        <source>Product: look at its loyalty and NPS, and at why its deals are lost.</source>
        <translation>Termék: nézze meg a hűséget és az NPS-t, és hogy miért vesznek el az ügyletei.</translation>
    </message>
    <message>
        <source>Touchpoints: audit what customers of this channel see (price tags, presentations, website, promotions).</source>
        <translation>Érintkezési pontok: vizsgálja át, mit látnak e csatorna ügyfelei (árcédulák, prezentációk, weboldal, akciók).</translation>
    </message>
    <message>
        <source>Business process: compare how this region runs its sales with the others.</source>
        <translation>Üzleti folyamat: hasonlítsa össze, hogyan értékesít ez a régió a többihez képest.</translation>
    </message>
    <message>
        <source>salesperson + product</source>
        <translation>értékesítő + termék</translation>
    </message>
    <message>
        <source>product</source>
        <translation>termék</translation>
    </message>
    <message>
        <source>whole business</source>
        <translation>teljes vállalkozás</translation>
    </message>
    <message>
        <source>{low} to {high} days</source>
        <translation>{low} – {high} nap</translation>
    </message>
</context>
<context>
    <name>GrowthTab</name>
    <message>
        <source>Median of the others</source>
        <translation>A többiek mediánja</translation>
    </message>
    <message>
        <source>Best of the others</source>
        <translation>A többiek legjobbja</translation>
    </message>
    <message>
        <source>Business average</source>
        <translation>A vállalkozás átlaga</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:gray&apos;&gt;Select a row to read its evidence. Double-click a lever (or press Enter) to open its slice in the Funnel tab.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:gray&apos;&gt;Jelöljön ki egy sort az alátámasztás elolvasásához. Egy lehetőségre duplán kattintva (vagy Enterrel) megnyílik a bontása a Tölcsér lapon.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:gray&apos;&gt;Expand a salesperson for their deals dragging on; select one for what history says about deals still open at its age. Double-click a deal to find it in the Deals list.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:gray&apos;&gt;Nyisson le egy értékesítőt az elhúzódó ügyleteiért; jelöljön ki egyet, hogy lássa, mit mutat a múlt az ilyen korban még nyitott ügyletekről. Egy ügyletre duplán kattintva megkeresi azt az ügyletlistában.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>Viszonyítás e&amp;hhez:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Időszak:</translation>
    </message>
    <message>
        <source>Open deals older than</source>
        <translation>Nyitott ügyletek, amelyek régebbiek, mint</translation>
    </message>
    <message>
        <source>the average length of the closed deals of the same salesperson and product (else the product, else the business)</source>
        <translation>az azonos értékesítő és termék lezárt ügyleteinek átlagos hossza (ennek híján a terméké, végül a teljes vállalkozásé)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conversion levers&lt;/b&gt; — ranked by what closing the gap to the reference is worth a month</source>
        <translation>&lt;b&gt;Konverziós lehetőségek&lt;/b&gt; — sorrendben aszerint, mennyit érne havonta a lemaradás behozása a viszonyítási alaphoz</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deal-length levers&lt;/b&gt; — ranked by the deal-days a month that matching the reference would free</source>
        <translation>&lt;b&gt;Ügylethossz-lehetőségek&lt;/b&gt; — sorrendben aszerint, hány ügyletnapot szabadítana fel havonta a viszonyítási alap elérése</translation>
    </message>
    <message>
        <source>Levers</source>
        <translation>Lehetőségek</translation>
    </message>
    <message>
        <source>Watch, not enough data</source>
        <translation>Figyelendő, kevés az adat</translation>
    </message>
    <message>
        <source>Conversion levers</source>
        <translation>Konverziós lehetőségek</translation>
    </message>
    <message>
        <source>Deal-length levers</source>
        <translation>Ügylethossz-lehetőségek</translation>
    </message>
    <message>
        <source>Deals dragging on</source>
        <translation>Elhúzódó ügyletek</translation>
    </message>
    <message>
        <source>&amp;Open in Funnel</source>
        <translation>Megnyitás a tölcsér&amp;ben</translation>
    </message>
    <message>
        <source>Show the Funnel tab on the selected value</source>
        <translation>A Tölcsér lap megjelenítése a kijelölt értékre</translation>
    </message>
    <message>
        <source>Open Sco&amp;recard</source>
        <translation>É&amp;rtékelőlap megnyitása</translation>
    </message>
    <message>
        <source>Show the salesperson&apos;s assessments next to their results</source>
        <translation>Az értékesítő értékelései az eredményei mellett</translation>
    </message>
    <message>
        <source>Show in Deals &amp;List</source>
        <translation>&amp;Megjelenítés az ügyletlistában</translation>
    </message>
    <message>
        <source>List the selected dragging deals in the Deals tab</source>
        <translation>A kijelölt elhúzódó ügyletek listázása az Ügyletek lapon</translation>
    </message>
    <message>
        <source>The growth points could not be computed: {failure}</source>
        <translation>A növekedési pontokat nem sikerült kiszámítani: {failure}</translation>
    </message>
    <message>
        <source>Counting the deals for the growth points…</source>
        <translation>Az ügyletek számlálása a növekedési pontokhoz…</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:14pt&apos;&gt;No deals yet.&lt;/p&gt;&lt;p&gt;Growth points appear here once deals are won or lost: where conversion and deal length fall behind, and the open deals dragging on.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:14pt&apos;&gt;Még nincsenek ügyletek.&lt;/p&gt;&lt;p&gt;A növekedési pontok akkor jelennek meg itt, amikor már vannak megnyert vagy elvesztett ügyletek: hol marad le a konverzió és az ügylet hossza, és mely nyitott ügyletek húzódnak el.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Levers ({count})</source>
        <translation>Lehetőségek ({count})</translation>
    </message>
    <message>
        <source>Watch, not enough data ({count})</source>
        <translation>Figyelendő, kevés az adat ({count})</translation>
    </message>
    <message>
        <source>Deals dragging on ({count})</source>
        <translation>Elhúzódó ügyletek ({count})</translation>
    </message>
    <message>
        <source>The period spans {months} month. A lever needs {threshold} decided deals (closed, for deal length) and a likely range (95 % interval) that excludes the reference.</source>
        <translation>Az időszak {months} hónapot fog át. Egy lehetőséghez {threshold} lezárt ügylet kell (az ügylet hosszánál ismert hosszúságú), és olyan valószínű tartomány (95 %-os intervallum), amely kizárja a viszonyítási alapot.</translation>
    </message>
    <message>
        <source>The period spans {months} months. A lever needs {threshold} decided deals (closed, for deal length) and a likely range (95 % interval) that excludes the reference.</source>
        <translation>Az időszak {months} hónapot fog át. Egy lehetőséghez {threshold} lezárt ügylet kell (az ügylet hosszánál ismert hosszúságú), és olyan valószínű tartomány (95 %-os intervallum), amely kizárja a viszonyítási alapot.</translation>
    </message>
    <message>
        <source>Values behind it without enough evidence are in the Watch list.</source>
        <translation>A lemaradó, de kellően alá nem támasztott értékek a Figyelendő listán vannak.</translation>
    </message>
    <message>
        <source>No conversion lever: no value&apos;s conversion is clearly below its reference.</source>
        <translation>Nincs konverziós lehetőség: egyetlen érték konverziója sem marad egyértelműen a viszonyítási alapja alatt.</translation>
    </message>
    <message>
        <source>No deal-length lever: no value&apos;s deals take clearly longer than its reference.</source>
        <translation>Nincs ügylethossz-lehetőség: egyetlen érték ügyletei sem tartanak egyértelműen tovább a viszonyítási alapjuknál.</translation>
    </message>
    <message>
        <source>Nothing to watch: every value behind its reference has the evidence to be ranked.</source>
        <translation>Nincs figyelendő érték: minden lemaradó érték kellően alátámasztott a rangsoroláshoz.</translation>
    </message>
    <message>
        <source>No open deal is older than {factor} × the usual length of its closed deals.</source>
        <translation>Egyetlen nyitott ügylet sem régebbi, mint a hozzá tartozó lezárt ügyletek szokásos hossza × {factor}.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;Trend of the conversion by quarter: {points}&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;A konverzió trendje negyedévenként: {points}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;Trend of the average length by quarter: {points}&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;Az átlagos hossz trendje negyedévenként: {points}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;{explanation}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Suggested factor:&lt;/b&gt; {advice}{trend}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{explanation}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Javasolt tényező:&lt;/b&gt; {advice}{trend}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Deals without a salesperson</source>
        <translation>Értékesítő nélküli ügyletek</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{rep}&lt;/b&gt;: {count} open deal past the limit. Expand the row for each deal&apos;s age and what history says about deals still open at that age.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{rep}&lt;/b&gt;: {count} nyitott ügylet a határon túl. Nyissa le a sort az egyes ügyletek koráért, és hogy mit mutat a múlt az ilyen korban még nyitott ügyletekről.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{rep}&lt;/b&gt;: {count} open deals past the limit. Expand the row for each deal&apos;s age and what history says about deals still open at that age.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{rep}&lt;/b&gt;: {count} nyitott ügylet a határon túl. Nyissa le a sort az egyes ügyletek koráért, és hogy mit mutat a múlt az ilyen korban még nyitott ügyletekről.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>no salesperson</source>
        <translation>nincs értékesítő</translation>
    </message>
    <message>
        <source>deals of {rep} dragging on (open past {factor} × the usual length)</source>
        <translation>{rep} elhúzódó ügyletei (a szokásos hossz × {factor} után is nyitottak)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>salesdesk User Guide</source>
        <translation>salesdesk felhasználói útmutató</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Felhasználói útmutató</translation>
    </message>
    <message>
        <source>The user guide could not be read: {reason} ({path}).</source>
        <translation>A felhasználói útmutató nem olvasható: {reason} ({path}).</translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <source>no figure now; before: {figure}</source>
        <translation>most nincs adat; korábban: {figure}</translation>
    </message>
    <message>
        <source>{change} vs previous period</source>
        <translation>{change} az előző időszakhoz képest</translation>
    </message>
    <message>
        <source>n = {count} decided deals</source>
        <translation>n = {count} lezárt ügylet</translation>
    </message>
    <message>
        <source>likely range {low}–{high} %</source>
        <translation>valószínű tartomány: {low}–{high} %</translation>
    </message>
    <message>
        <source> · too few to judge</source>
        <translation> · túl kevés az ítélethez</translation>
    </message>
    <message>
        <source>{count} won without an amount</source>
        <translation>{count} megnyert összeg nélkül</translation>
    </message>
    <message>
        <source>{count} left out (no exchange rate)</source>
        <translation>{count} kimaradt (nincs árfolyam)</translation>
    </message>
    <message>
        <source>deal length over {timed} of {decided} decided deals</source>
        <translation>az ügylet hossza {decided} lezárt ügyletből {timed} alapján</translation>
    </message>
    <message>
        <source>{count} won or lost deals without a close date or first contact count in conversion, not here.</source>
        <translation>{count} lezárási dátum vagy első kapcsolatfelvétel nélküli megnyert vagy elvesztett ügylet a konverzióba beszámít, ide nem.</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} nap</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> százalékpont</translation>
    </message>
    <message>
        <source>Conversion = won ÷ (won + lost). Open deals have not decided and are not counted; with no decided deal there is no figure. {n}; {won} won, {lost} lost.</source>
        <translation>Konverzió = megnyert ÷ (megnyert + elvesztett). A nyitott ügyletekről még nem született döntés, ezért nem számítanak; lezárt ügylet nélkül nincs érték. {n}; {won} megnyert, {lost} elvesztett.</translation>
    </message>
    <message>
        <source>Average deal length</source>
        <translation>Átlagos ügylethossz</translation>
    </message>
    <message>
        <source>median {median} d · won {won} d · lost {lost} d</source>
        <translation>medián {median} nap · megnyert {won} nap · elvesztett {lost} nap</translation>
    </message>
    <message>
        <source> d</source>
        <translation> nap</translation>
    </message>
    <message>
        <source>Deal length = close date − first-contact date in days, for won and lost deals. Average = the sum of those days ÷ the number of closed deals (20, 30 and 40 days → 30). n = {count} closed deals.</source>
        <translation>Ügylet hossza = lezárás dátuma − első kapcsolatfelvétel dátuma, napokban, a megnyert és az elvesztett ügyletekre. Átlag = e napok összege ÷ a lezárt ügyletek száma (20, 30 és 40 nap → 30). n = {count} lezárt ügylet.</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Nyitott ügyletek</translation>
    </message>
    <message>
        <source>of {count} deals in the slice</source>
        <translation>a bontás {count} ügyletéből</translation>
    </message>
    <message>
        <source>Deals open at the end of the period: first contact on or before its end (or none yet) and not closed by then. n = {count}.</source>
        <translation>Az időszak végén nyitott ügyletek: az első kapcsolatfelvétel legkésőbb az időszak végén volt (vagy még nem történt meg), és addig nem zárultak le. n = {count}.</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Megnyert összeg</translation>
    </message>
    <message>
        <source>{count} won deals</source>
        <translation>{count} megnyert ügylet</translation>
    </message>
    <message>
        <source>Sum of the won deals&apos; amounts in {currency}, over the deals whose amount is known; deals in another currency without an exchange rate are left out. n = {count} won deals.</source>
        <translation>A megnyert ügyletek összegeinek összesítése {currency} pénznemben, az ismert összegű ügyletekre; az árfolyam nélküli más pénznemű ügyletek kimaradnak. n = {count} megnyert ügylet.</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>Assessment history — {rep}</source>
        <translation>Értékelések alakulása — {rep}</translation>
    </message>
    <message>
        <source>Assessment history</source>
        <translation>Értékelések alakulása</translation>
    </message>
    <message>
        <source>Average score (1–5) of every item of each assessment, oldest first; n = {count} assessments.</source>
        <translation>Az egyes értékelések összes tételének átlagpontszáma (1–5), a legrégebbivel kezdve; n = {count} értékelés.</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Átlagpontszám</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Spreadsheets and CSV (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Táblázatok és CSV-fájlok (*.csv *.tsv *.txt *.xlsx);;Minden fájl (*)</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>A fájl kiválasztása</translation>
    </message>
    <message>
        <source>A CSV or XLSX export of another CRM (Pipedrive, HubSpot) or a spreadsheet with one deal per row and a header row.</source>
        <translation>Egy másik CRM (Pipedrive, HubSpot) CSV- vagy XLSX-exportja, vagy egy táblázat, amelynek minden sora egy ügylet, és az első sora fejléc.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Importálandó fájl</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Tallózás…</translation>
    </message>
    <message>
        <source>Import deals</source>
        <translation>Ügyletek importálása</translation>
    </message>
</context>
<context>
    <name>ImportFiles</name>
    <message>
        <source>comma</source>
        <translation>vessző</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>pontosvessző</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulátor</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>függőleges vonal</translation>
    </message>
    <message>
        <source>XLSX, sheet {sheet}</source>
        <translation>XLSX, {sheet} munkalap</translation>
    </message>
    <message>
        <source>Lines {lines} of {name} are not UTF-8 like the rest of the file: read as Windows-1252. Check their accented letters.</source>
        <translation>A(z) {name} fájl alábbi sorai nem UTF-8 kódolásúak, mint a fájl többi része, ezért Windows-1252 kódolással olvastuk be őket: {lines}. Ellenőrizze bennük az ékezetes betűket.</translation>
    </message>
    <message>
        <source>Line {lines} of {name} is not UTF-8 like the rest of the file: read as Windows-1252. Check its accented letters.</source>
        <translation>A(z) {name} fájl {lines}. sora nem UTF-8 kódolású, mint a fájl többi része, ezért Windows-1252 kódolással olvastuk be. Ellenőrizze benne az ékezetes betűket.</translation>
    </message>
    <message>
        <source>A byte-order mark inside the file (lines {lines}) was removed: were two files joined into one?</source>
        <translation>A fájl belsejében bájtsorrend-jelölők (BOM) voltak (sorok: {lines}), ezeket eltávolítottuk: lehet, hogy két fájlt fűztek össze?</translation>
    </message>
    <message>
        <source>A byte-order mark inside the file (line {lines}) was removed: were two files joined into one?</source>
        <translation>A fájl belsejében bájtsorrend-jelölő (BOM) volt ({lines}. sor), ezt eltávolítottuk: lehet, hogy két fájlt fűztek össze?</translation>
    </message>
    <message>
        <source>A quote is not closed in rows {rows}: the field runs over the following lines, which were not imported as rows; the row is in the rejected-rows file. Close the quote and import those lines again.</source>
        <translation>Egy-egy idézőjel nincs lezárva ezekben a sorokban: {rows}. A mező átnyúlik a következő sorokra, amelyeket így nem importáltunk külön sorként; a hibás sorok az elutasított sorok fájljába kerültek. Zárja le az idézőjeleket, és importálja újra azokat a sorokat.</translation>
    </message>
    <message>
        <source>A quote is not closed in row {rows}: the field runs over the following lines, which were not imported as rows; the row is in the rejected-rows file. Close the quote and import those lines again.</source>
        <translation>Egy idézőjel nincs lezárva a(z) {rows}. sorban: a mező átnyúlik a következő sorokra, amelyeket így nem importáltunk külön sorként; a hibás sor az elutasított sorok fájljába került. Zárja le az idézőjelet, és importálja újra azokat a sorokat.</translation>
    </message>
    <message>
        <source>{numbers} and {count} more</source>
        <translation>{numbers} és további {count}</translation>
    </message>
    <message>
        <source>{name} cannot be read safely: its part {part} would unpack to {size} from {packed}, which no spreadsheet program writes (the file is damaged or made to exhaust memory). Nothing was imported.</source>
        <translation>A(z) {name} nem olvasható be biztonságosan: a(z) {part} része {packed} méretből {size} méretűre bontódna ki, ilyet egyetlen táblázatkezelő sem ír (a fájl sérült, vagy a memória kimerítésére készült). Semmi sem lett importálva.</translation>
    </message>
    <message>
        <source>{name} would unpack to {size}, more than salesdesk reads from one workbook. Nothing was imported; save the deals as CSV instead.</source>
        <translation>A(z) {name} kibontva {size} lenne, több, mint amennyit a salesdesk egy munkafüzetből beolvas. Semmi sem lett importálva; mentse inkább CSV-fájlba az ügyleteket.</translation>
    </message>
    <message>
        <source>{name} is not a readable XLSX workbook: {error}.</source>
        <translation>A(z) {name} nem olvasható XLSX-munkafüzet: {error}.</translation>
    </message>
    <message>
        <source>{name} has no sheet {sheet}; it has {sheets}.</source>
        <translation>A(z) {name} fájlban nincs {sheet} munkalap; a munkalapjai: {sheets}.</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>A(z) {path} nem fájl.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {error}.</source>
        <translation>A(z) {name} nem olvasható: {error}.</translation>
    </message>
    <message>
        <source>{name} is empty: there is nothing to import.</source>
        <translation>A(z) {name} üres: nincs mit importálni.</translation>
    </message>
    <message>
        <source>{name} is a damaged workbook: {error}.</source>
        <translation>A(z) {name} sérült munkafüzet: {error}.</translation>
    </message>
    <message>
        <source>The sheet {sheet} of {name} is empty.</source>
        <translation>A(z) {name} {sheet} munkalapja üres.</translation>
    </message>
    <message>
        <source>Unknown encoding {encoding}.</source>
        <translation>Ismeretlen kódolás: {encoding}.</translation>
    </message>
    <message>
        <source>{name} is not {encoding} text: {error}.</source>
        <translation>A(z) {name} nem {encoding} kódolású szöveg: {error}.</translation>
    </message>
    <message>
        <source>{name} is a binary file, not CSV text.</source>
        <translation>A(z) {name} bináris fájl, nem CSV-szöveg.</translation>
    </message>
    <message>
        <source>{name} has no readable header line: {error}.</source>
        <translation>A(z) {name} fájlnak nincs olvasható fejlécsora: {error}.</translation>
    </message>
    <message>
        <source>{name} has no header line naming its columns.</source>
        <translation>A(z) {name} fájlnak nincs az oszlopait megnevező fejlécsora.</translation>
    </message>
</context>
<context>
    <name>ImportGuessing</name>
    <message>
        <source>{column} → created (the first contact when none is given)</source>
        <translation>{column} → created (létrehozás dátuma; ez az első kapcsolatfelvétel, ha nincs megadva)</translation>
    </message>
    <message>
        <source>No header row: the columns were guessed from their values ({guesses}). Check them; --map FIELD=&apos;column N&apos; changes one.</source>
        <translation>Nincs fejlécsor: az oszlopok jelentését az értékeikből találtuk ki ({guesses}). Ellenőrizze őket; egyet a --map FIELD=&apos;column N&apos; kapcsolóval módosíthat.</translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source>Detected a {preset} file.</source>
        <translation>Felismert formátum: {preset}.</translation>
    </message>
    <message>
        <source>No first-contact column: {column} (the created date) is used instead and those deals are marked as inferred.</source>
        <translation>Nincs első kapcsolatfelvétel oszlop: helyette a(z) {column} oszlop (a létrehozás dátuma) szolgál, és ezek az ügyletek becsült első kapcsolatfelvételként jelölve lesznek.</translation>
    </message>
    <message>
        <source>No title column: titles are made from client and product.</source>
        <translation>Nincs megnevezés oszlop: a megnevezések az ügyfélből és a termékből készülnek.</translation>
    </message>
    <message>
        <source>{field}: {column}, or when blank {columns}.</source>
        <translation>{field}: {column}, ha üres, akkor {columns}.</translation>
    </message>
    <message>
        <source>{column} is the close date of won and lost deals and the expected close of open ones.</source>
        <translation>A(z) {column} oszlop a megnyert és elvesztett ügyletek lezárásának dátuma, a nyitottaké pedig a várható lezárás.</translation>
    </message>
    <message>
        <source>Outcome from the yes/no columns {first} and {second} where no outcome column says won or lost.</source>
        <translation>Az eredmény a(z) {first} és a(z) {second} igen/nem oszlopból jön, ahol az eredmény oszlop nem mondja meg, hogy megnyert vagy elvesztett.</translation>
    </message>
    <message>
        <source>Outcome from the yes/no column {column} where no outcome column says won or lost.</source>
        <translation>Az eredmény a(z) {column} igen/nem oszlopból jön, ahol az eredmény oszlop nem mondja meg, hogy megnyert vagy elvesztett.</translation>
    </message>
    <message>
        <source>Stage history from 1 &apos;Date entered&apos; column.</source>
        <translation>A szakaszok története 1 „Date entered” oszlopból.</translation>
    </message>
    <message>
        <source>Stage history from {count} &apos;Date entered&apos; columns.</source>
        <translation>A szakaszok története {count} „Date entered” oszlopból.</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Pipedrive</source>
        <translation>Pipedrive</translation>
    </message>
    <message>
        <source>HubSpot</source>
        <translation>HubSpot</translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>Egyszerű táblázat</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nincs)</translation>
    </message>
    <message>
        <source>No outcome, stage or date column is mapped: every row would be imported as an open deal without dates. Not found: {fields}. Choose their columns above if the file has them.</source>
        <translation>Nincs hozzárendelve eredmény, szakasz vagy dátum oszlop: minden sor dátum nélküli nyitott ügyletként kerülne be. Nem található: {fields}. Ha a fájlban megvannak, válassza ki fent az oszlopaikat.</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Mentett: {name}</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Oszlop</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Oszlopok</translation>
    </message>
    <message>
        <source>Which column holds each field. One column may feed several fields (a status column gives stage and outcome).</source>
        <translation>Melyik oszlop melyik mezőt tartalmazza. Egy oszlop több mezőt is adhat (egy állapot oszlopból a szakasz és az eredmény is kiolvasható).</translation>
    </message>
    <message>
        <source>Sa&amp;ve as Preset…</source>
        <translation>&amp;Mentés sablonként…</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>Hozzárendelési &amp;sablon:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Mező</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Első érték</translation>
    </message>
    <message>
        <source>Column of each field</source>
        <translation>Az egyes mezők oszlopa</translation>
    </message>
    <message>
        <source>Detected (guessed from the values)</source>
        <translation>Felismert (az értékekből kikövetkeztetve)</translation>
    </message>
    <message>
        <source>Detected ({preset})</source>
        <translation>Felismert ({preset})</translation>
    </message>
    <message>
        <source>Columns not imported: {columns}.</source>
        <translation>Nem importált oszlopok: {columns}.</translation>
    </message>
    <message>
        <source>Fields no column feeds: {fields}.</source>
        <translation>Mezők, amelyekhez nem tartozik oszlop: {fields}.</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Hozzárendelési sablon mentése</translation>
    </message>
    <message>
        <source>Name of the mapping preset:</source>
        <translation>A hozzárendelési sablon neve:</translation>
    </message>
    <message>
        <source>Preset not saved</source>
        <translation>A hozzárendelési sablon nincs mentve</translation>
    </message>
</context>
<context>
    <name>ImportPresets</name>
    <message>
        <source>A preset needs a name.</source>
        <translation>A hozzárendelési sablonnak nevet kell adni.</translation>
    </message>
    <message>
        <source>The preset {name} was not saved: {error}</source>
        <translation>A(z) {name} hozzárendelési sablon nincs mentve: {error}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Row</source>
        <translation>Sor</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Megnevezés</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Ügyfél</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Eredmény</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Első kapcsolatfelvétel</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Lezárás dátuma</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Összeg</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Előnézet</translation>
    </message>
    <message>
        <source>The first {count} rows. Red rows will be rejected and written to the rejected-rows file with the reason; nothing is imported before you click Import.</source>
        <translation>Az első {count} sor. A piros sorokat a program elutasítja, és az okukkal együtt az elutasított sorok fájljába írja; semmi sem kerül be, amíg az Importálás gombra nem kattint.</translation>
    </message>
    <message>
        <source>First rows as imported</source>
        <translation>Az első sorok importálás után</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Kihagyás</translation>
    </message>
    <message>
        <source>Update them from the file</source>
        <translation>Frissítés a fájlból</translation>
    </message>
    <message>
        <source>Deals already in the database:</source>
        <translation>Az adatbázisban már meglévő ügyletek:</translation>
    </message>
    <message>
        <source>Rejected rows to:</source>
        <translation>Elutasított sorok ide:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importálás</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>rendben</translation>
    </message>
    <message>
        <source>ok; a date is unknown: it counts in conversion, not in deal length</source>
        <translation>rendben; egy dátum ismeretlen: a konverzióba beszámít, az ügylet hosszába nem</translation>
    </message>
    <message>
        <source>{date} (created)</source>
        <translation>{date} (létrehozás napja)</translation>
    </message>
    <message>
        <source>skipped: {reason}</source>
        <translation>kihagyva: {reason}</translation>
    </message>
    <message>
        <source>rejected: {reason}</source>
        <translation>elutasítva: {reason}</translation>
    </message>
    <message>
        <source>Of the first {count} rows: {ready} ready, {rejected} rejected, {skipped} skipped.</source>
        <translation>Az első {count} sorból: {ready} importálható, {rejected} elutasítva, {skipped} kihagyva.</translation>
    </message>
    <message>
        <source>Of the one row: {ready} ready, {rejected} rejected, {skipped} skipped.</source>
        <translation>Az egyetlen sorból: {ready} importálható, {rejected} elutasítva, {skipped} kihagyva.</translation>
    </message>
</context>
<context>
    <name>ImportReading</name>
    <message>
        <source>Not a date: write it like 2026-03-31 or 31.03.2026, or give the file&apos;s date format (--date-format, e.g. %d/%m/%Y).</source>
        <translation>Nem dátum: írja 2026-03-31 vagy 31.03.2026 alakban, vagy adja meg a fájl dátumformátumát (--date-format, pl. %d/%m/%Y).</translation>
    </message>
    <message>
        <source>Not a date in the format {format} (like {example}).</source>
        <translation>Nem {format} formátumú dátum (például {example}).</translation>
    </message>
    <message>
        <source>Not a date: the year has 3 digits.</source>
        <translation>Nem dátum: az évszám háromjegyű.</translation>
    </message>
    <message>
        <source>Impossible date: there is no such day.</source>
        <translation>Lehetetlen dátum: nincs ilyen nap.</translation>
    </message>
    <message>
        <source>Dates in {column} fit both day-first and month-first (e.g. {example}); read as {order}. Use --date-format to choose.</source>
        <translation>A(z) {column} oszlop dátumai nap–hónap és hónap–nap sorrendben is értelmezhetők (pl. {example}); {order} formában olvastuk be őket. A --date-format kapcsolóval választhat.</translation>
    </message>
    <message>
        <source>Dates in {column} read as {order}.</source>
        <translation>A(z) {column} oszlop dátumai {order} formában beolvasva.</translation>
    </message>
    <message>
        <source>Amounts fit both separators; read like {example}.</source>
        <translation>Az összegek mindkét tizedesjellel értelmezhetők; {example} alakban olvastuk be őket.</translation>
    </message>
    <message>
        <source>Amounts read like {example}.</source>
        <translation>Az összegek {example} alakban beolvasva.</translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message>
        <source>Not an amount: write a number, with its currency&apos;s symbol or code if you like (1234.50, € 1.234,50, 1234 USD).</source>
        <translation>Nem összeg: írjon számot, ha tetszik, a pénznem jelével vagy kódjával (1234.50, € 1.234,50, 1234 USD).</translation>
    </message>
    <message>
        <source>The file has no column {columns}.</source>
        <translation>A fájlban nincs {columns} oszlop.</translation>
    </message>
    <message>
        <source>Dates in {column} were all ISO at first, then {value}: the column was read again for its order, {order} (not {before}).</source>
        <translation>A(z) {column} oszlop dátumai eleinte mind ISO formájúak voltak, aztán jött egy {value}: a sorrend miatt újra beolvastuk az oszlopot: {order} (nem {before}).</translation>
    </message>
    <message>
        <source>Dates in {column} were all ISO at first, then {value}: the column was read again for its order, {order}.</source>
        <translation>A(z) {column} oszlop dátumai eleinte mind ISO formájúak voltak, aztán jött egy {value}: a sorrend miatt újra beolvastuk az oszlopot: {order}.</translation>
    </message>
    <message>
        <source>{value} in {column}</source>
        <translation>„{value}” érték a(z) {column} oszlopban</translation>
    </message>
    <message>
        <source>blank row</source>
        <translation>üres sor</translation>
    </message>
    <message>
        <source>The row has {cells} cells but the header only {width}: a delimiter or quote is misplaced.</source>
        <translation>A sorban {cells} cella van, a fejlécben viszont csak {width}: egy elválasztó karakter vagy idézőjel rossz helyen van.</translation>
    </message>
    <message>
        <source>Contains characters that cannot be stored.</source>
        <translation>Nem tárolható karaktereket tartalmaz.</translation>
    </message>
    <message>
        <source>Neither new nor current: map the value (--customer-type current=VALUE, or in the wizard&apos;s mapping).</source>
        <translation>Se nem új, se nem meglévő: rendelje hozzá az értéket (--customer-type current=VALUE, vagy a varázsló hozzárendelésében).</translation>
    </message>
    <message>
        <source>Write yes or no.</source>
        <translation>Írjon igent vagy nemet.</translation>
    </message>
    <message>
        <source>The amount is in {currency} but {column} says {stated}.</source>
        <translation>Az összeg pénzneme {currency}, de a(z) {column} oszlop szerint {stated}.</translation>
    </message>
</context>
<context>
    <name>ImportSourcePage</name>
    <message>
        <source>Comma</source>
        <translation>Vessző</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Pontosvessző</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulátor</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Függőleges vonal</translation>
    </message>
    <message>
        <source>How the file reads</source>
        <translation>A fájl beolvasása</translation>
    </message>
    <message>
        <source>Detected automatically; change a choice if the rows below look wrong.</source>
        <translation>Automatikusan felismerve; ha az alábbi sorok hibásnak tűnnek, módosítson a beállításokon.</translation>
    </message>
    <message>
        <source>First &amp;row is data, not column names</source>
        <translation>Az első &amp;sor adat, nem oszlopnevek</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>A fájl első sorai</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kódolás:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Elválasztó karakter:</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Munkalap:</translation>
    </message>
    <message>
        <source>The first row looks like data, not column names (a database dump?). If it is, tick “First row is data”: the columns are then called column 1, column 2, … and their fields guessed from their values.</source>
        <translation>Az első sor adatnak tűnik, nem oszlopneveknek (adatbázis-kivonat?). Ha így van, jelölje be „Az első sor adat” négyzetet: az oszlopok neve ekkor column 1, column 2, … lesz, a mezőiket pedig az értékeikből következtetjük ki.</translation>
    </message>
</context>
<context>
    <name>ImportValuesPage</name>
    <message>
        <source>open</source>
        <translation>nyitott</translation>
    </message>
    <message>
        <source>won</source>
        <translation>megnyert</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>elvesztett</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>kihagyás</translation>
    </message>
    <message>
        <source>new</source>
        <translation>új</translation>
    </message>
    <message>
        <source>current</source>
        <translation>meglévő</translation>
    </message>
    <message>
        <source>(reject the row)</source>
        <translation>(a sor elutasítása)</translation>
    </message>
    <message>
        <source>Values and formats</source>
        <translation>Értékek és formátumok</translation>
    </message>
    <message>
        <source>Outcome values not listed as won or lost count as open. Date and number formats were inferred from the whole column.</source>
        <translation>Azok az eredményértékek, amelyek nincsenek megnyertként vagy elvesztettként megjelölve, nyitottnak számítanak. A dátum- és számformátumot a teljes oszlop alapján állapítottuk meg.</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Érték a fájlban</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Jelentése</translation>
    </message>
    <message>
        <source>What the outcome values mean</source>
        <translation>Az eredményértékek jelentése</translation>
    </message>
    <message>
        <source>Customer type in the file</source>
        <translation>Ügyféltípus a fájlban</translation>
    </message>
    <message>
        <source>What the customer types mean</source>
        <translation>Az ügyféltípusok jelentése</translation>
    </message>
    <message>
        <source>Dates in {column} (ambiguous — check):</source>
        <translation>Dátumok ({column}; kétértelmű – ellenőrizze):</translation>
    </message>
    <message>
        <source>Dates in {column}:</source>
        <translation>Dátumok ({column}):</translation>
    </message>
    <message>
        <source>Amounts like:</source>
        <translation>Összegek formája:</translation>
    </message>
    <message>
        <source>What {value} means</source>
        <translation>A(z) „{value}” jelentése</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Reading {file}…</source>
        <translation>A(z) {file} beolvasása…</translation>
    </message>
    <message>
        <source>Import deals</source>
        <translation>Ügyletek importálása</translation>
    </message>
    <message>
        <source>Importing deals… {rows} rows read</source>
        <translation>Ügyletek importálása… {rows} sor beolvasva</translation>
    </message>
    <message>
        <source>Importing deals…</source>
        <translation>Ügyletek importálása…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Az importálás nem sikerült</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Semmi sem lett importálva: {error}</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Az importálás megszakítva</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was changed.</source>
        <translation>Az importálás megszakadt: semmi sem változott.</translation>
    </message>
    <message>
        <source>Imported 1 deal.</source>
        <translation>1 ügylet importálva.</translation>
    </message>
    <message>
        <source>Imported {count} deals.</source>
        <translation>{count} ügylet importálva.</translation>
    </message>
    <message>
        <source>1 row matched a deal already in the file ({updated} updated).</source>
        <translation>1 sor egy már meglévő ügyletnek felelt meg ({updated} frissítve).</translation>
    </message>
    <message>
        <source>{count} rows matched deals already in the file ({updated} updated).</source>
        <translation>{count} sor már meglévő ügyleteknek felelt meg ({updated} frissítve).</translation>
    </message>
    <message>
        <source>{count} rows were rejected; they are in {file} with the reasons, to fix and import again.</source>
        <translation>{count} sor elutasítva; az okokkal együtt a(z) {file} fájlba kerültek, hogy kijavítva újra importálhassa őket.</translation>
    </message>
    <message>
        <source>1 row was rejected; it is in {file} with the reason, to fix and import again.</source>
        <translation>1 sor elutasítva; az okkal együtt a(z) {file} fájlba került, hogy kijavítva újra importálhassa.</translation>
    </message>
    <message>
        <source>Fields no column fed: {fields}.</source>
        <translation>Mezők, amelyekhez nem tartozott oszlop: {fields}.</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>{reason} — 1 row ({rows})</source>
        <translation>{reason} — 1 sor ({rows})</translation>
    </message>
    <message>
        <source>{reason} — {count} rows ({rows})</source>
        <translation>{reason} — {count} sor ({rows})</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing changed.</source>
        <translation>Az importálás megszakítva; semmi sem változott.</translation>
    </message>
    <message>
        <source>{name} has no column {missing}. Its columns are: {columns}</source>
        <translation>A(z) {name} fájlban nincs {missing} oszlop. Az oszlopai: {columns}</translation>
    </message>
    <message>
        <source>No column of {name} was recognised, and a mapping that reads none would import every row as an untitled open deal. Its columns are: {columns}. Map them (--map FIELD=COLUMN, or the wizard&apos;s mapping page).</source>
        <translation>A(z) {name} egyetlen oszlopa sem ismerhető fel, és egy egyetlen oszlopot sem olvasó hozzárendelés minden sort cím nélküli nyitott ügyletként importálna. Az oszlopai: {columns}. Rendelje hozzá őket (--map FIELD=COLUMN, vagy a varázsló hozzárendelési oldalán).</translation>
    </message>
    <message>
        <source>Read as {source}.</source>
        <translation>Beolvasva: {source}.</translation>
    </message>
    <message>
        <source>The first row looks like data, not column names: read the file without a header row (--no-header; the columns are then called column 1, column 2, …).</source>
        <translation>Az első sor adatnak tűnik, nem oszlopneveknek: olvassa be a fájlt fejlécsor nélkül (--no-header; az oszlopok neve ekkor column 1, column 2, …).</translation>
    </message>
    <message>
        <source>Row {number}: {warnings}</source>
        <translation>{number}. sor: {warnings}</translation>
    </message>
    <message>
        <source>… and {count} more rows like these.</source>
        <translation>… és még {count} ilyen sor.</translation>
    </message>
    <message>
        <source>1 won or lost deal without a close date or first contact was imported: it counts in conversion, not in deal length (salesdesk report: length_unknown).</source>
        <translation>1 megnyert vagy elvesztett ügylet lezárás dátuma vagy első kapcsolatfelvétele nélkül került be: a konverzióba beszámít, az ügylet hosszába nem (salesdesk report: length_unknown).</translation>
    </message>
    <message>
        <source>{count} won or lost deals without a close date or first contact were imported: they count in conversion, not in deal length (salesdesk report: length_unknown).</source>
        <translation>{count} megnyert vagy elvesztett ügylet lezárás dátuma vagy első kapcsolatfelvétele nélkül került be: a konverzióba beszámítanak, az ügylet hosszába nem (salesdesk report: length_unknown).</translation>
    </message>
    <message>
        <source>Currency from the amount&apos;s symbol or code: {currencies}.</source>
        <translation>A pénznem az összeg jeléből vagy kódjából: {currencies}.</translation>
    </message>
    <message>
        <source>{currency} 1 row</source>
        <translation>{currency}: 1 sor</translation>
    </message>
    <message>
        <source>{currency} {count} rows</source>
        <translation>{currency}: {count} sor</translation>
    </message>
    <message>
        <source>1 row with a lost reason and no won or lost outcome was imported as lost.</source>
        <translation>1 sor, amelyben volt elvesztési ok, de nem volt megnyert vagy elvesztett eredmény, elvesztettként került be.</translation>
    </message>
    <message>
        <source>{count} rows with a lost reason and no won or lost outcome were imported as lost.</source>
        <translation>{count} sor, amelyben volt elvesztési ok, de nem volt megnyert vagy elvesztett eredmény, elvesztettként került be.</translation>
    </message>
    <message>
        <source>Skipped 1 row: {reason}.</source>
        <translation>1 sor kihagyva: {reason}.</translation>
    </message>
    <message>
        <source>Skipped {count} rows: {reason}.</source>
        <translation>{count} sor kihagyva: {reason}.</translation>
    </message>
    <message>
        <source>Left 1 row alone that matched more than one deal (or shared its deal with another row): nothing was guessed; it is in the rejected-rows file with the reason.</source>
        <translation>1 sor érintetlen maradt, mert több ügyletnek is megfelelt (vagy egy másik sorral osztozott az ügyletén): a program nem találgatott; a sor az okkal együtt az elutasított sorok fájljában van.</translation>
    </message>
    <message>
        <source>Left {count} rows alone that matched more than one deal (or shared their deal with another row): nothing was guessed; they are in the rejected-rows file with the reason.</source>
        <translation>{count} sor érintetlen maradt, mert több ügyletnek is megfelelt (vagy egy másik sorral osztozott az ügyletén): a program nem találgatott; ezek a sorok az okkal együtt az elutasított sorok fájljában vannak.</translation>
    </message>
    <message>
        <source>Not mapped (no column found): {fields}.</source>
        <translation>Nincs hozzárendelve (nem található oszlop): {fields}.</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Próbafuttatás: semmi sem lett kiírva.</translation>
    </message>
    <message>
        <source>New list values were added to: {lists}.</source>
        <translation>Új listaértékek kerültek ide: {lists}.</translation>
    </message>
    <message>
        <source>Rejected 1 row that cannot become a valid deal; written to {file}:</source>
        <translation>1 sor elutasítva, mert nem lehet belőle érvényes ügylet; a(z) {file} fájlba került:</translation>
    </message>
    <message>
        <source>Rejected {count} rows that cannot become a valid deal; written to {file}:</source>
        <translation>{count} sor elutasítva, mert nem lehet belőlük érvényes ügylet; a(z) {file} fájlba kerültek:</translation>
    </message>
    <message>
        <source>Rejected 1 row that cannot become a valid deal:</source>
        <translation>1 sor elutasítva, mert nem lehet belőle érvényes ügylet:</translation>
    </message>
    <message>
        <source>Rejected {count} rows that cannot become a valid deal:</source>
        <translation>{count} sor elutasítva, mert nem lehet belőlük érvényes ügylet:</translation>
    </message>
    <message>
        <source>Reading {name} stopped unexpectedly (exit code {code}); nothing was imported.</source>
        <translation>A(z) {name} olvasása váratlanul leállt (kilépési kód: {code}); semmi sem lett importálva.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Rename item</source>
        <translation>Tétel átnevezése</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Tétel hozzáadása</translation>
    </message>
    <message>
        <source>What a good score looks like</source>
        <translation>Mi érdemel jó pontszámot</translation>
    </message>
    <message>
        <source>&amp;Section:</source>
        <translation>Téma&amp;kör:</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Tétel:</translation>
    </message>
    <message>
        <source>&amp;Good looks like:</source>
        <translation>&amp;Jó teljesítmény:</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Follow the system</source>
        <translation>A rendszer szerint</translation>
    </message>
</context>
<context>
    <name>LeverModel</name>
    <message>
        <source>Dimension</source>
        <translation>Szempont</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Érték</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Viszonyítás</translation>
    </message>
    <message>
        <source>Likely range</source>
        <translation>Valószínű tartomány</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Won deals/month</source>
        <translation>Megnyert ügylet/hó</translation>
    </message>
    <message>
        <source>Value/month</source>
        <translation>Érték/hó</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Tényező</translation>
    </message>
    <message>
        <source>Average length</source>
        <translation>Átlagos hossz</translation>
    </message>
    <message>
        <source>n closed</source>
        <translation>n lezárt</translation>
    </message>
    <message>
        <source>Likely gap</source>
        <translation>Valószínű eltérés</translation>
    </message>
    <message>
        <source>Deal-days/month</source>
        <translation>Ügyletnap/hó</translation>
    </message>
</context>
<context>
    <name>LeverModels</name>
    <message>
        <source>Staff qualification</source>
        <translation>Munkatársak felkészültsége</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Érintkezési pontok</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
    <message>
        <source>Target customer</source>
        <translation>Célügyfél</translation>
    </message>
    <message>
        <source>Business process</source>
        <translation>Üzleti folyamat</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} nap</translation>
    </message>
    <message>
        <source>{figure} (median)</source>
        <translation>{figure} (medián)</translation>
    </message>
    <message>
        <source>{figure} (average)</source>
        <translation>{figure} (átlag)</translation>
    </message>
</context>
<context>
    <name>ListsDialog</name>
    <message>
        <source>Lists</source>
        <translation>Listák</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hozzáadás…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Át&amp;nevezés…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>Ö&amp;sszevonás…</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>&amp;Kivezetés</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>&amp;Feljebb</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>&amp;Lejjebb</translation>
    </message>
    <message>
        <source>Renaming changes the name on every deal. Merging moves every deal to the value you keep. Retired values disappear from pickers; their deals keep them.</source>
        <translation>Az átnevezés minden ügyleten megváltoztatja a nevet. Az összevonás minden ügyletet a megtartott értékhez helyez át. A kivezetett értékek eltűnnek a választólistákból, de az ügyleteiken megmaradnak.</translation>
    </message>
    <message>
        <source>The order of stages is the pipeline order of the funnel.</source>
        <translation>A szakaszok sorrendje a tölcsér szakaszainak sorrendje.</translation>
    </message>
    <message>
        <source>Double-click a contact cell to edit it.</source>
        <translation>A kapcsolattartási cellákat dupla kattintással szerkesztheti.</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>&amp;Visszaállítás</translation>
    </message>
    <message>
        <source>Add {kind}</source>
        <translation>Új {kind}</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Név:</translation>
    </message>
    <message>
        <source>Rename {kind}</source>
        <translation>Átnevezés ({kind})</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Új név:</translation>
    </message>
    <message>
        <source>There is no other {kind}.</source>
        <translation>Nincs másik {kind}.</translation>
    </message>
    <message>
        <source>Merge {kind}</source>
        <translation>Összevonás ({kind})</translation>
    </message>
    <message>
        <source>Move the {count} deal(s) of “{name}” to:</source>
        <translation>„{name}” {count} ügyletének áthelyezése ide:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Összevonás</translation>
    </message>
    <message>
        <source>Merge “{name}” into “{target}”? {count} deal(s) move and “{name}” disappears. You can undo this with Ctrl+Z.</source>
        <translation>Összevonja a(z) „{name}” értéket a(z) „{target}” értékkel? {count} ügylet kerül át, és „{name}” megszűnik. Ctrl+Z-vel visszavonhatja.</translation>
    </message>
</context>
<context>
    <name>LockHolder</name>
    <message>
        <source>another program</source>
        <translation>egy másik program</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>a(z) {pid} azonosítójú folyamat a(z) {host} gépen</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>a(z) {pid} azonosítójú folyamat</translation>
    </message>
</context>
<context>
    <name>LookupKind</name>
    <message>
        <source>Clients</source>
        <translation>Ügyfelek</translation>
    </message>
    <message>
        <source>Salespeople</source>
        <translation>Értékesítők</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Termékek</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Csatornák</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Régiók</translation>
    </message>
    <message>
        <source>Target audiences</source>
        <translation>Célcsoportok</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Szakaszok</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>Elvesztési okok</translation>
    </message>
    <message>
        <source>client</source>
        <translation>ügyfél</translation>
    </message>
    <message>
        <source>salesperson</source>
        <translation>értékesítő</translation>
    </message>
    <message>
        <source>product</source>
        <translation>termék</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>csatorna</translation>
    </message>
    <message>
        <source>region</source>
        <translation>régió</translation>
    </message>
    <message>
        <source>target audience</source>
        <translation>célcsoport</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>szakasz</translation>
    </message>
    <message>
        <source>lost reason</source>
        <translation>elvesztési ok</translation>
    </message>
</context>
<context>
    <name>LookupModel</name>
    <message>
        <source>Name</source>
        <translation>Név</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Ügyletek</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kapcsolattartó</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Kivezetett</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Használatban</translation>
    </message>
</context>
<context>
    <name>Lookups</name>
    <message>
        <source>That {kind} no longer exists.</source>
        <translation>Ez a listaérték ({kind}) már nem létezik.</translation>
    </message>
    <message>
        <source>A list value needs a name.</source>
        <translation>A listaértéknek nevet kell adni.</translation>
    </message>
    <message>
        <source>There is already a {kind} called {name}.</source>
        <translation>Már van ilyen nevű {kind}: {name}.</translation>
    </message>
    <message>
        <source>There is already a {kind} called {name}: merge the two instead.</source>
        <translation>Már van ilyen nevű {kind}: {name}. Inkább vonja össze a kettőt.</translation>
    </message>
    <message>
        <source>The new order must name every stage once.</source>
        <translation>Az új sorrendnek minden szakaszt pontosan egyszer kell tartalmaznia.</translation>
    </message>
    <message>
        <source>Choose another {kind} to merge into.</source>
        <translation>Az összevonáshoz válasszon egy másik értéket ({kind}).</translation>
    </message>
</context>
<context>
    <name>LostReasonField</name>
    <message>
        <source>Why was it lost? Choose…</source>
        <translation>Miért veszett el? Válasszon…</translation>
    </message>
    <message>
        <source>Lost reason details</source>
        <translation>Az elvesztés részletei</translation>
    </message>
    <message>
        <source>{reason} (say what)</source>
        <translation>{reason} (adja meg, mi)</translation>
    </message>
    <message>
        <source>New reason…</source>
        <translation>Új ok…</translation>
    </message>
    <message>
        <source>New lost reason</source>
        <translation>Új elvesztési ok</translation>
    </message>
    <message>
        <source>Add a reason to the list (saving the deal adds it):</source>
        <translation>Új ok a listára (az ügylet mentésekor kerül fel):</translation>
    </message>
    <message>
        <source>Which competitor won it?</source>
        <translation>Melyik versenytárs nyerte el?</translation>
    </message>
    <message>
        <source>What was it?</source>
        <translation>Mi volt az ok?</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Részletek (nem kötelező)</translation>
    </message>
</context>
<context>
    <name>LostReasons</name>
    <message>
        <source>(no reason given)</source>
        <translation>(nincs megadott ok)</translation>
    </message>
    <message>
        <source>(other values)</source>
        <translation>(egyéb értékek)</translation>
    </message>
</context>
<context>
    <name>LostReasonsChart</name>
    <message>
        <source>Lost reasons by slice</source>
        <translation>Elvesztés okai bontásonként</translation>
    </message>
    <message>
        <source>Lost reasons by {dimension}</source>
        <translation>Elvesztés okai – bontás: {dimension}</translation>
    </message>
    <message>
        <source>Each bar: the lost deals of one value closed in the period, split by lost reason (share of that value&apos;s lost deals; the number of deals in the figures table). n = {count} lost deals.</source>
        <translation>Minden sáv: egy érték időszakban lezárt elvesztett ügyletei, az elvesztés oka szerint bontva (az érték elvesztett ügyleteinek arányában; az ügyletek száma az adattáblában). n = {count} elvesztett ügylet.</translation>
    </message>
    <message>
        <source>No lost deals in this period</source>
        <translation>Ebben az időszakban nincs elvesztett ügylet</translation>
    </message>
    <message>
        <source>Share of the lost deals (%)</source>
        <translation>Az elvesztett ügyletek aránya (%)</translation>
    </message>
    <message>
        <source>{value} — {count} lost deals</source>
        <translation>{value} — {count} elvesztett ügylet</translation>
    </message>
</context>
<context>
    <name>LostReasonsPage</name>
    <message>
        <source>Export Chart…</source>
        <translation>Diagram exportálása…</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Bontás:</translation>
    </message>
    <message>
        <source>Lost deals and their top reasons</source>
        <translation>Elvesztett ügyletek és fő okaik</translation>
    </message>
    <message>
        <source>Counting the deals…</source>
        <translation>Ügyletek számolása…</translation>
    </message>
    <message>
        <source>{lost} lost deals, {unexplained} without a reason. The reason is asked when a deal is marked lost; edit the list in Edit ▸ Lists.</source>
        <translation>{lost} elvesztett ügylet, ebből {unexplained} ok nélkül. Az okot az ügylet elvesztettnek jelölésekor kérdezi a program; a lista a Szerkesztés ▸ Listák menüpontban szerkeszthető.</translation>
    </message>
    <message>
        <source>{lost} lost deals. The reason is asked when a deal is marked lost; edit the list in Edit ▸ Lists.</source>
        <translation>{lost} elvesztett ügylet. Az okot az ügylet elvesztettnek jelölésekor kérdezi a program; a lista a Szerkesztés ▸ Listák menüpontban szerkeszthető.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Deals</source>
        <translation>Ü&amp;gyletek</translation>
    </message>
    <message>
        <source>F&amp;unnel</source>
        <translation>&amp;Tölcsér</translation>
    </message>
    <message>
        <source>&amp;Growth Points</source>
        <translation>Növe&amp;kedési pontok</translation>
    </message>
    <message>
        <source>&amp;Scorecards</source>
        <translation>Értékelő&amp;lapok</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>Üg&amp;yfelek</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fájl</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Legutóbbi fájlok</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>S&amp;zerkesztés</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Visszavonás</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Mégis</translation>
    </message>
    <message>
        <source>Move to &amp;Stage</source>
        <translation>Áthelyezés &amp;szakaszba</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Nézet</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Eszközök</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Súgó</translation>
    </message>
    <message>
        <source>Sample business (demo)</source>
        <translation>Mintavállalkozás (demó)</translation>
    </message>
    <message>
        <source>{name} [read-only] — salesdesk</source>
        <translation>{name} [csak olvasható] — salesdesk</translation>
    </message>
    <message>
        <source>{name} — salesdesk</source>
        <translation>{name} — salesdesk</translation>
    </message>
    <message>
        <source>&amp;Delete Deal</source>
        <translation>Ügylet &amp;törlése</translation>
    </message>
    <message>
        <source>&amp;Delete {count} Deals</source>
        <translation>{count} ügylet &amp;törlése</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Nincsenek legutóbbi fájlok</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>A legutóbbi fájlok listájának törlése</translation>
    </message>
    <message>
        <source>Saved the chart to {path}.</source>
        <translation>A diagram elmentve ide: {path}.</translation>
    </message>
    <message>
        <source>About salesdesk</source>
        <translation>A salesdesk névjegye</translation>
    </message>
    <message>
        <source>&lt;h3&gt;salesdesk {version}&lt;/h3&gt;&lt;p&gt;Deals, conversion and deal length, offline.&lt;/p&gt;&lt;p&gt;Open file: {file}&lt;br&gt;Data folder: {folder}&lt;br&gt;Log of unexpected errors: {log}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;salesdesk {version}&lt;/h3&gt;&lt;p&gt;Ügyletek, konverzió és ügylethossz, offline.&lt;/p&gt;&lt;p&gt;Megnyitott fájl: {file}&lt;br&gt;Adatmappa: {folder}&lt;br&gt;A váratlan hibák naplója: {log}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation>A beállítások mentve.</translation>
    </message>
    <message>
        <source>Preferences saved. The new language shows the next time salesdesk starts.</source>
        <translation>Beállítások mentve. Az új nyelv a salesdesk következő indításakor jelenik meg.</translation>
    </message>
</context>
<context>
    <name>MatrixChart</name>
    <message>
        <source>Team matrix: salespeople × sections</source>
        <translation>Csapatmátrix: értékesítők × témakörök</translation>
    </message>
    <message>
        <source>Cell: average score (1–5) of the section&apos;s items in the salesperson&apos;s latest assessment; red 1 → green 5, grey: not assessed. n = {count} salespeople assessed.</source>
        <translation>Cella: a témakör tételeinek átlagpontszáma (1–5) az értékesítő legutóbbi értékelésében; piros 1 → zöld 5, szürke: nincs értékelve. n = {count} értékelt értékesítő.</translation>
    </message>
</context>
<context>
    <name>MergeLookupCommand</name>
    <message>
        <source>Merge {kind} {name} into {target}</source>
        <translation>Összevonás ({kind}): {name} → {target}</translation>
    </message>
</context>
<context>
    <name>Nps</name>
    <message>
        <source>What should we do next time to earn a 10?</source>
        <translation>Mit tegyünk legközelebb, hogy 10-est kapjunk?</translation>
    </message>
    <message>
        <source>On a scale of 0–10, how likely are you to recommend us to friends or colleagues?</source>
        <translation>Egy 0-tól 10-ig terjedő skálán mennyire valószínű, hogy ajánlana minket barátainak vagy kollégáinak?</translation>
    </message>
    <message>
        <source>How likely are you to order from us again?</source>
        <translation>Mennyire valószínű, hogy ismét rendel tőlünk?</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>Ajánlók (9–10)</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>Semlegesek (7–8)</translation>
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation>Elégedetlenek (0–6)</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>Ajánló</translation>
    </message>
    <message>
        <source>Passive</source>
        <translation>Semleges</translation>
    </message>
    <message>
        <source>Detractor</source>
        <translation>Elégedetlen</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Szegmens</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Ügyfél</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Hónap</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Negyedév</translation>
    </message>
    <message>
        <source>A response needs a score from 0 to 10.</source>
        <translation>A válaszhoz 0 és 10 közötti pontszám kell.</translation>
    </message>
    <message>
        <source>{text} is not a score: write a whole number from 0 to 10.</source>
        <translation>A(z) {text} nem pontszám: írjon egy egész számot 0 és 10 között.</translation>
    </message>
    <message>
        <source>{text} is not a whole number: scores are 0, 1, … 10.</source>
        <translation>A(z) {text} nem egész szám: a pontszám 0, 1, … 10 lehet.</translation>
    </message>
    <message>
        <source>{score} is outside 0–10.</source>
        <translation>A(z) {score} kívül esik a 0–10 tartományon.</translation>
    </message>
    <message>
        <source>A response needs the date it was answered.</source>
        <translation>A válaszhoz meg kell adni, mikor érkezett.</translation>
    </message>
    <message>
        <source>{date} is in the future.</source>
        <translation>A(z) {date} a jövőben van.</translation>
    </message>
    <message>
        <source>The product name is too long (at most 200 characters).</source>
        <translation>A termék neve túl hosszú (legfeljebb 200 karakter).</translation>
    </message>
    <message>
        <source>The client name is too long (at most 200 characters).</source>
        <translation>Az ügyfél neve túl hosszú (legfeljebb 200 karakter).</translation>
    </message>
    <message>
        <source>The comment is too long (at most {limit} characters).</source>
        <translation>A megjegyzés túl hosszú (legfeljebb {limit} karakter).</translation>
    </message>
</context>
<context>
    <name>NpsImport</name>
    <message>
        <source>{name}: no column for {missing} (NPS responses need a date, a score and a segment). Its columns are {columns}; name the right one with --map FIELD=COLUMN.</source>
        <translation>{name}: nincs oszlop ehhez: {missing} (az NPS-válaszokhoz dátum, pontszám és szegmens kell). Az oszlopai: {columns}; a megfelelőt a --map FIELD=COLUMN kapcsolóval adhatja meg.</translation>
    </message>
    <message>
        <source>Read as {source}.</source>
        <translation>Beolvasva: {source}.</translation>
    </message>
    <message>
        <source>Dates such as {example} could be day- or month-first: read as day-first (pass --date-format to choose).</source>
        <translation>Az olyan dátumok, mint a(z) {example}, nap–hónap és hónap–nap sorrendben is értelmezhetők: nap–hónap sorrendben olvastuk be őket (a --date-format kapcsolóval választhat).</translation>
    </message>
    <message>
        <source>Skipped 1 blank row.</source>
        <translation>1 üres sor kihagyva.</translation>
    </message>
    <message>
        <source>Skipped {count} blank rows.</source>
        <translation>{count} üres sor kihagyva.</translation>
    </message>
    <message>
        <source>Rejected 1 row that cannot become a valid response; written to {file}.</source>
        <translation>1 sor elutasítva, mert nem lehet belőle érvényes válasz; a(z) {file} fájlba került.</translation>
    </message>
    <message>
        <source>Rejected {count} rows that cannot become a valid response; written to {file}.</source>
        <translation>{count} sor elutasítva, mert nem lehet belőlük érvényes válasz; a(z) {file} fájlba kerültek.</translation>
    </message>
    <message>
        <source>Rejected 1 row that cannot become a valid response.</source>
        <translation>1 sor elutasítva, mert nem lehet belőle érvényes válasz.</translation>
    </message>
    <message>
        <source>Rejected {count} rows that cannot become a valid response.</source>
        <translation>{count} sor elutasítva, mert nem lehet belőlük érvényes válasz.</translation>
    </message>
    <message>
        <source>New list values were added to: {lists}.</source>
        <translation>Új listaértékek kerültek ide: {lists}.</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Próbafuttatás: semmi sem lett kiírva.</translation>
    </message>
    <message>
        <source>blank row</source>
        <translation>üres sor</translation>
    </message>
</context>
<context>
    <name>NpsPage</name>
    <message>
        <source>All scores</source>
        <translation>Minden pontszám</translation>
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation>Elégedetlenek (0–6)</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>Semlegesek (7–8)</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>Ajánlók (9–10)</translation>
    </message>
    <message>
        <source>Detractors and passives</source>
        <translation>Elégedetlenek és semlegesek</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>teljes időszak</translation>
    </message>
    <message>
        <source>Add &amp;Responses…</source>
        <translation>Válaszok &amp;hozzáadása…</translation>
    </message>
    <message>
        <source>Type a batch of paper surveys from the keyboard</source>
        <translation>Papíralapú felmérések kötegének begépelése</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importálás…</translation>
    </message>
    <message>
        <source>Import survey responses from a CSV or XLSX file</source>
        <translation>Felmérési válaszok importálása CSV- vagy XLSX-fájlból</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagram exportálása…</translation>
    </message>
    <message>
        <source>Group &amp;by:</source>
        <translation>&amp;Bontás:</translation>
    </message>
    <message>
        <source>NPS beside conversion and repeat purchases</source>
        <translation>NPS a konverzió és az ismételt vásárlások mellett</translation>
    </message>
    <message>
        <source>NPS by group</source>
        <translation>NPS csoportonként</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Search the comments, clients and products…</source>
        <translation>Keresés a megjegyzésekben, ügyfelekben és termékekben…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Szerkesztés…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Törlés</translation>
    </message>
    <message>
        <source>Delete the selected responses (can be undone)</source>
        <translation>A kijelölt válaszok törlése (visszavonható)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Megjegyzések</translation>
    </message>
    <message>
        <source>Search the comments</source>
        <translation>Keresés a megjegyzésekben</translation>
    </message>
    <message>
        <source>survey responses · {period}</source>
        <translation>felmérési válaszok · {period}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;NPS {nps}&lt;/b&gt;&lt;/span&gt; &amp;nbsp;n = {n} · {promoters} promoters, {passives} passives, {detractors} detractors</source>
        <translation>&lt;span style=&apos;font-size:15pt&apos;&gt;&lt;b&gt;NPS {nps}&lt;/b&gt;&lt;/span&gt; &amp;nbsp;n = {n} · {promoters} ajánló, {passives} semleges, {detractors} elégedetlen</translation>
    </message>
    <message>
        <source>&lt;b&gt;No survey responses in this period.&lt;/b&gt; Add Responses types paper surveys; Import reads a file.</source>
        <translation>&lt;b&gt;Ebben az időszakban nincs felmérési válasz.&lt;/b&gt; A Válaszok hozzáadása gombbal papíralapú felméréseket gépelhet be, az Importálással fájlt olvashat be.</translation>
    </message>
    <message>
        <source>Counting the deals…</source>
        <translation>Ügyletek számolása…</translation>
    </message>
    <message>
        <source>&lt;b&gt;NPS beside conversion and repeat purchases — per client&lt;/b&gt;</source>
        <translation>&lt;b&gt;NPS a konverzió és az ismételt vásárlások mellett — ügyfelenként&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;NPS beside conversion and repeat purchases — per product&lt;/b&gt;</source>
        <translation>&lt;b&gt;NPS a konverzió és az ismételt vásárlások mellett — termékenként&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Conversion = won ÷ (won + lost) of the deals closed in the period; repeat = share of the won deals made by current customers (a won deal before).</source>
        <translation>Konverzió = megnyert ÷ (megnyert + elvesztett) az időszakban lezárt ügyletek között; visszatérő = a meglévő ügyfelek (korábban már megnyert ügylettel) által kötött megnyert ügyletek aránya.</translation>
    </message>
    <message>
        <source>Conversion = won ÷ (won + lost) of the deals closed in the period; repeat = share of the won deals made by current customers (a won deal before). Group by client to see clients.</source>
        <translation>Konverzió = megnyert ÷ (megnyert + elvesztett) az időszakban lezárt ügyletek között; visszatérő = a meglévő ügyfelek (korábban már megnyert ügylettel) által kötött megnyert ügyletek aránya. Ügyfelenkénti bontásban az ügyfelek is láthatók.</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>{count} responses</source>
        <translation>{count} válasz</translation>
    </message>
    <message>
        <source>Delete this survey response? (Edit ▸ Undo brings them back.)</source>
        <translation>Törli ezt a felmérési választ? (A Szerkesztés ▸ Visszavonás visszahozza.)</translation>
    </message>
    <message>
        <source>Delete these {count} survey responses? (Edit ▸ Undo brings them back.)</source>
        <translation>Törli ezt a(z) {count} felmérési választ? (A Szerkesztés ▸ Visszavonás visszahozza őket.)</translation>
    </message>
    <message>
        <source>Delete responses</source>
        <translation>Válaszok törlése</translation>
    </message>
</context>
<context>
    <name>NpsReport</name>
    <message>
        <source>(none)</source>
        <translation>(nincs)</translation>
    </message>
</context>
<context>
    <name>NpsResponses</name>
    <message>
        <source>That survey response no longer exists.</source>
        <translation>Ez a felmérési válasz már nem létezik.</translation>
    </message>
</context>
<context>
    <name>NpsTrendChart</name>
    <message>
        <source>Net Promoter Score by month</source>
        <translation>Nettó ajánlói pontszám (NPS) havonta</translation>
    </message>
    <message>
        <source>NPS = % promoters (scores 9–10) − % detractors (0–6), from −100 to +100, per month answered. n = {count} responses (NPS {nps} over the period).</source>
        <translation>NPS = ajánlók %-a (9–10 pont) − elégedetlenek %-a (0–6), −100 és +100 között, a válasz hónapja szerint. n = {count} válasz (NPS {nps} a teljes időszakra).</translation>
    </message>
    <message>
        <source>No survey responses in this period</source>
        <translation>Ebben az időszakban nincs felmérési válasz</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Válaszok</translation>
    </message>
    <message>
        <source>all months: NPS {nps}, n = {count}</source>
        <translation>minden hónap: NPS {nps}, n = {count}</translation>
    </message>
    <message>
        <source>{month}: no responses</source>
        <translation>{month}: nincs válasz</translation>
    </message>
    <message>
        <source>{month}: NPS {nps}, n = {n} ({promoters} promoters, {passives} passives, {detractors} detractors)</source>
        <translation>{month}: NPS {nps}, n = {n} ({promoters} ajánló, {passives} semleges, {detractors} elégedetlen)</translation>
    </message>
</context>
<context>
    <name>NpsView</name>
    <message>
        <source>won ÷ (won + lost) of {decided} decided deals — too few to judge</source>
        <translation>megnyert ÷ (megnyert + elvesztett) {decided} lezárt ügyletből — túl kevés az ítélethez</translation>
    </message>
    <message>
        <source>won ÷ (won + lost) of {decided} decided deals</source>
        <translation>megnyert ÷ (megnyert + elvesztett) {decided} lezárt ügyletből</translation>
    </message>
    <message>
        <source>{repeat} of {won} won deals were by current customers</source>
        <translation>{won} megnyert ügyletből {repeat} meglévő ügyfeleké</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Ügyfél</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
</context>
<context>
    <name>Parsing</name>
    <message>
        <source> or </source>
        <translation> vagy </translation>
    </message>
    <message>
        <source>Not a date: type it like {examples}.</source>
        <translation>Ez nem dátum: így írja be: {examples}.</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>Az összeg nem lehet negatív.</translation>
    </message>
    <message>
        <source>That amount is too large.</source>
        <translation>Ez az összeg túl nagy.</translation>
    </message>
    <message>
        <source>Not an amount: type a number such as {example}.</source>
        <translation>Ez nem összeg: adjon meg egy számot, például {example}.</translation>
    </message>
    <message>
        <source>{currency} amounts have no decimal places.</source>
        <translation>A(z) {currency} összegeknek nincs tizedesjegyük.</translation>
    </message>
    <message>
        <source>{currency} amounts have {digits} decimal places.</source>
        <translation>A(z) {currency} összegek {digits} tizedesjegyűek.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Beállítások</translation>
    </message>
    <message>
        <source>The new language shows the next time salesdesk starts.</source>
        <translation>Az új nyelv a salesdesk következő indításakor jelenik meg.</translation>
    </message>
    <message>
        <source>For files the Funnel tab has not shown yet; a file remembers the period and filters it was last shown with.</source>
        <translation>Azokra a fájlokra, amelyeket a Tölcsér lap még nem mutatott; egy fájl megjegyzi, milyen időszakkal és szűrőkkel mutatta legutóbb.</translation>
    </message>
    <message>
        <source>Code, as in {example}</source>
        <translation>Kóddal, például: {example}</translation>
    </message>
    <message>
        <source>Symbol, as in {example}</source>
        <translation>Jellel, például: {example}</translation>
    </message>
    <message>
        <source>How amounts show their currency on screen and in reports; files and the command line always write the code.</source>
        <translation>Hogyan jelenjen meg az összegek pénzneme a képernyőn és a jelentésekben; a fájlok és a parancssor mindig a kódot írják.</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Ezen a számítógépen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Nyelv:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Téma:</translation>
    </message>
    <message>
        <source>&amp;Funnel tab starts on:</source>
        <translation>A T&amp;ölcsér lap kezdő időszaka:</translation>
    </message>
    <message>
        <source>Show amounts &amp;with:</source>
        <translation>&amp;Pénznem megjelenítése:</translation>
    </message>
    <message>
        <source>Where &quot;This year&quot; and the quarters of the period lists begin.</source>
        <translation>Ahol az „Idei év” és az időszaklisták negyedévei kezdődnek.</translation>
    </message>
    <message>
        <source> decided deals</source>
        <translation> lezárt ügylet</translation>
    </message>
    <message>
        <source>A slice with fewer decided (won or lost) deals is marked &quot;too few to judge&quot; and is never ranked as a growth point.</source>
        <translation>Az ennél kevesebb lezárt (megnyert vagy elvesztett) ügyletet tartalmazó bontás „túl kevés az ítélethez” jelölést kap, és sosem kerül a növekedési pontok rangsorába.</translation>
    </message>
    <message>
        <source>Chosen when the file was created: every figure is in it.</source>
        <translation>A fájl létrehozásakor választották: minden szám ebben szerepel.</translation>
    </message>
    <message>
        <source>&amp;Backup Settings…</source>
        <translation>&amp;Biztonsági mentés beállításai…</translation>
    </message>
    <message>
        <source>The backup folder and how many copies are kept</source>
        <translation>A biztonsági mentések mappája és a megőrzött másolatok száma</translation>
    </message>
    <message>
        <source>In this file (the command line uses them too)</source>
        <translation>Ebben a fájlban (a parancssor is ezeket használja)</translation>
    </message>
    <message>
        <source>First month of the fiscal &amp;year:</source>
        <translation>Az üzleti &amp;év első hónapja:</translation>
    </message>
    <message>
        <source>Too few to &amp;judge under:</source>
        <translation>Túl kevés az ítélethez &amp;ez alatt:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Pénznem:</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Biztonsági mentések:</translation>
    </message>
    <message>
        <source>In this file (read-only: opened without write access)</source>
        <translation>Ebben a fájlban (csak olvasható: írási jog nélkül megnyitva)</translation>
    </message>
</context>
<context>
    <name>PrepDialog</name>
    <message>
        <source>Preparation — {title}</source>
        <translation>Felkészülés — {title}</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title} (csak olvasható)</translation>
    </message>
    <message>
        <source>A field is one grid cell with both halves written (what we can concede and what we ask in return), one group of SPIN questions, the price arguments, the counter-arguments, the rapport notes, or the manipulation checklist reviewed: {count} in all.</source>
        <translation>Egy mező: a táblázat egy cellája, ha mindkét fele ki van töltve (mit engedhetünk át és mit kérünk cserébe), a SPIN-kérdések egy csoportja, az árérvek, az ellenérvek, a bizalmi kapcsolat (rapport) jegyzetei vagy az átnézett manipulációs ellenőrzőlista: összesen {count}.</translation>
    </message>
    <message>
        <source>From the client&apos;s public profile, interests and hobbies: topics to open with</source>
        <translation>Az ügyfél nyilvános profilja, érdeklődési köre és hobbijai alapján: nyitótémák</translation>
    </message>
    <message>
        <source>facts research could not answer</source>
        <translation>tények, amelyekre az előzetes kutatás nem adott választ</translation>
    </message>
    <message>
        <source>difficulties behind the interests found</source>
        <translation>a feltárt érdekek mögött álló nehézségek</translation>
    </message>
    <message>
        <source>what the problem costs the client</source>
        <translation>mibe kerül a probléma az ügyfélnek</translation>
    </message>
    <message>
        <source>the value of solving it, in their words</source>
        <translation>mit ér neki a megoldás, a saját szavaival</translation>
    </message>
    <message>
        <source>&amp;Situation:</source>
        <translation>&amp;Helyzet:</translation>
    </message>
    <message>
        <source>&amp;Problem:</source>
        <translation>&amp;Probléma:</translation>
    </message>
    <message>
        <source>&amp;Implication:</source>
        <translation>&amp;Következmény:</translation>
    </message>
    <message>
        <source>&amp;Need-payoff:</source>
        <translation>&amp;Megoldás haszna:</translation>
    </message>
    <message>
        <source>Why the price is right, one argument per line</source>
        <translation>Miért indokolt az ár: soronként egy érv</translation>
    </message>
    <message>
        <source>Objection → answer, one per line</source>
        <translation>Kifogás → válasz, soronként egy</translation>
    </message>
    <message>
        <source>I went through the checklist for this negotiation</source>
        <translation>Ehhez a tárgyaláshoz átnéztem az ellenőrzőlistát</translation>
    </message>
    <message>
        <source>Add Technique…</source>
        <translation>Technika hozzáadása…</translation>
    </message>
    <message>
        <source>Small talk and &amp;rapport:</source>
        <translation>Small talk és &amp;bizalmi kapcsolat (rapport):</translation>
    </message>
    <message>
        <source>Price &amp;arguments:</source>
        <translation>&amp;Árérvek:</translation>
    </message>
    <message>
        <source>C&amp;ounter-arguments to price objections:</source>
        <translation>&amp;Ellenérvek az árkifogásokra:</translation>
    </message>
    <message>
        <source>Tick the manipulation techniques spotted (or expected) with this client:</source>
        <translation>Jelölje be az ennél az ügyfélnél észlelt (vagy várható) manipulációs technikákat:</translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation>Bizalmi kapcsolat</translation>
    </message>
    <message>
        <source>SPIN questions</source>
        <translation>SPIN-kérdések</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Ár</translation>
    </message>
    <message>
        <source>Manipulation</source>
        <translation>Manipuláció</translation>
    </message>
    <message>
        <source>PDF &amp;Brief…</source>
        <translation>PDF-össze&amp;foglaló…</translation>
    </message>
    <message>
        <source>Interests and bargaining &amp;variables (what we can concede ⇄ what we ask in return):</source>
        <translation>Érdekek és alku&amp;változók (mit engedhetünk át ⇄ mit kérünk cserébe):</translation>
    </message>
    <message>
        <source> ({count} grid cell with one half only)</source>
        <translation> ({count} cellának csak az egyik fele kitöltött)</translation>
    </message>
    <message>
        <source> ({count} grid cells with one half only)</source>
        <translation> ({count} cellának csak az egyik fele kitöltött)</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>előkészített</translation>
    </message>
    <message>
        <source>prepared from {share}</source>
        <translation>előkészítettnek számít legalább {share} kitöltöttségtől</translation>
    </message>
    <message>
        <source>{filled} of {total} fields filled{waiting} — {status}</source>
        <translation>{total} mezőből {filled} kitöltve{waiting} — {status}</translation>
    </message>
    <message>
        <source>Add technique</source>
        <translation>Technika hozzáadása</translation>
    </message>
    <message>
        <source>A manipulation technique to add to this sheet:</source>
        <translation>A laphoz hozzáadandó manipulációs technika:</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Elveti a módosításokat?</translation>
    </message>
    <message>
        <source>Discard the changes to this preparation sheet?</source>
        <translation>Elveti a felkészülési lapon végzett módosításokat?</translation>
    </message>
</context>
<context>
    <name>PrepGridModel</name>
    <message>
        <source>An area the client cares about</source>
        <translation>Egy terület, amely fontos az ügyfélnek</translation>
    </message>
    <message>
        <source>Bargaining variable {variable}: what we can give the client (a discount, faster delivery, longer payment terms…)</source>
        <translation>{variable}. alkuváltozó: mit adhatunk az ügyfélnek (kedvezmény, gyorsabb szállítás, hosszabb fizetési határidő…)</translation>
    </message>
    <message>
        <source>Bargaining variable {variable}: what we ask for in return for what we give</source>
        <translation>{variable}. alkuváltozó: mit kérünk cserébe azért, amit adunk</translation>
    </message>
    <message>
        <source>Area of interest</source>
        <translation>Érdekterület</translation>
    </message>
    <message>
        <source>We give ({variable})</source>
        <translation>Adunk ({variable})</translation>
    </message>
    <message>
        <source>We ask ({variable})</source>
        <translation>Kérünk ({variable})</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>There is no client called {name}.</source>
        <translation>Nincs {name} nevű ügyfél.</translation>
    </message>
    <message>
        <source>The client was erased as {label}, but the file could not be compacted ({error}); old bytes may remain until it is. Free some space and erase {label} again.</source>
        <translation>Az ügyfél adatai törölve lettek ({label} néven szerepel), de a fájlt nem sikerült tömöríteni ({error}); amíg ez meg nem történik, régi bájtok maradhatnak benne. Szabadítson fel helyet, és törölje újra ezt az ügyfelet: {label}.</translation>
    </message>
    <message>
        <source>The client was erased as {label}, but another program is reading the file, so old bytes remain in its journal. Close it and erase {label} again.</source>
        <translation>Az ügyfél adatai törölve lettek ({label} néven szerepel), de egy másik program olvassa a fájlt, ezért régi bájtok maradtak a naplófájlban. Zárja be azt a programot, és törölje újra ezt az ügyfelet: {label}.</translation>
    </message>
</context>
<context>
    <name>ProfileChart</name>
    <message>
        <source>Skill profile — {rep}</source>
        <translation>Készségprofil — {rep}</translation>
    </message>
    <message>
        <source>Skill profile</source>
        <translation>Készségprofil</translation>
    </message>
    <message>
        <source>Bars: average score (1–5) of each section&apos;s items in the assessment of {day}; marks: the team&apos;s average of each salesperson&apos;s latest assessment.</source>
        <translation>Oszlopok: az egyes témakörök tételeinek átlagpontszáma (1–5) az értékelésben ({day}); jelölők: a csapat átlaga az értékesítők legutóbbi értékeléseiből.</translation>
    </message>
    <message>
        <source>Average score (1–5)</source>
        <translation>Átlagpontszám (1–5)</translation>
    </message>
    <message>
        <source>{rep}, {day} (red 1 → green 5)</source>
        <translation>{rep}, {day} (piros 1 → zöld 5)</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Megszakítás…</translation>
    </message>
</context>
<context>
    <name>Ranking</name>
    <message>
        <source>customer type</source>
        <translation>ügyféltípus</translation>
    </message>
    <message>
        <source>customer types</source>
        <translation>ügyféltípus</translation>
    </message>
    <message>
        <source>Customer type &apos;{value}&apos;</source>
        <translation>&apos;{value}&apos; ügyféltípus</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>csatorna</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>csatorna</translation>
    </message>
    <message>
        <source>Channel &apos;{value}&apos;</source>
        <translation>&apos;{value}&apos; csatorna</translation>
    </message>
    <message>
        <source>product</source>
        <translation>termék</translation>
    </message>
    <message>
        <source>products</source>
        <translation>termék</translation>
    </message>
    <message>
        <source>Product &apos;{value}&apos;</source>
        <translation>&apos;{value}&apos; termék</translation>
    </message>
    <message>
        <source>target audience</source>
        <translation>célcsoport</translation>
    </message>
    <message>
        <source>target audiences</source>
        <translation>célcsoport</translation>
    </message>
    <message>
        <source>Target audience &apos;{value}&apos;</source>
        <translation>&apos;{value}&apos; célcsoport</translation>
    </message>
    <message>
        <source>region</source>
        <translation>régió</translation>
    </message>
    <message>
        <source>regions</source>
        <translation>régió</translation>
    </message>
    <message>
        <source>Region &apos;{value}&apos;</source>
        <translation>&apos;{value}&apos; régió</translation>
    </message>
    <message>
        <source>salesperson</source>
        <translation>értékesítő</translation>
    </message>
    <message>
        <source>salespeople</source>
        <translation>értékesítő</translation>
    </message>
    <message>
        <source>Salesperson &apos;{value}&apos;</source>
        <translation>&apos;{value}&apos; értékesítő</translation>
    </message>
    <message>
        <source>against a median of {figure} for the other {dimension}</source>
        <translation>szemben a többi {dimension} mediánjával ({figure})</translation>
    </message>
    <message>
        <source>against {figure} for the best other {dimension}, &apos;{value}&apos;</source>
        <translation>szemben a legjobb másik {dimension}, a(z) &apos;{value}&apos; eredményével ({figure})</translation>
    </message>
    <message>
        <source>against the business average of {figure}</source>
        <translation>szemben a vállalkozás átlagával ({figure})</translation>
    </message>
    <message>
        <source>{subject}: {figure} of {count} decided customers say yes {against}</source>
        <translation>{subject}: {count} döntött ügyfél {figure}-a mond igent, {against}</translation>
    </message>
    <message>
        <source>{subject}: {figure} of decided customers say yes {against}</source>
        <translation>{subject}: a döntött ügyfelek {figure}-a mond igent, {against}</translation>
    </message>
    <message>
        <source>too few to judge (under {threshold} decided)</source>
        <translation>túl kevés az ítélethez ({threshold} lezárt alatt)</translation>
    </message>
    <message>
        <source>the 95 % interval ({low}–{high}) still includes it</source>
        <translation>a 95 %-os intervallum ({low}–{high}) még tartalmazza</translation>
    </message>
    <message>
        <source>Matching them would add about {count} won deals a month.</source>
        <translation>Ha felzárkózna hozzájuk, havonta mintegy {count} megnyert ügylettel több lenne.</translation>
    </message>
    <message>
        <source>Matching them would add about {count} won deals a month, ≈ {amount} {currency}.</source>
        <translation>Ha felzárkózna hozzájuk, havonta mintegy {count} megnyert ügylettel több lenne, ≈ {amount} {currency}.</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} nap</translation>
    </message>
    <message>
        <source>{subject}: closed deals take {days} days on average {against} (n = {count} closed)</source>
        <translation>{subject}: a lezárt ügyletek átlagosan {days} napig tartanak, {against} (n = {count} lezárt)</translation>
    </message>
    <message>
        <source>too few to judge (under {threshold} closed)</source>
        <translation>túl kevés az ítélethez ({threshold} lezárt alatt)</translation>
    </message>
    <message>
        <source>the difference cannot be estimated</source>
        <translation>a különbség nem becsülhető</translation>
    </message>
    <message>
        <source>the 95 % interval of the difference ({low} to {high} days) still includes 0</source>
        <translation>a különbség 95 %-os intervalluma ({low} – {high} nap) még tartalmazza a 0-t</translation>
    </message>
    <message>
        <source>Matching them would free about {count} deal-days a month.</source>
        <translation>Ha felzárkózna hozzájuk, havonta mintegy {count} ügyletnap szabadulna fel.</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Competitor</source>
        <translation>Versenytárs</translation>
    </message>
    <message>
        <source>Deals lost to it</source>
        <translation>Vele szemben elvesztett ügyletek</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Érték</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Elvesztett</translation>
    </message>
    <message>
        <source>Lost deals closed in the period</source>
        <translation>Az időszakban lezárt elvesztett ügyletek</translation>
    </message>
    <message>
        <source>Top reason</source>
        <translation>Fő ok</translation>
    </message>
    <message>
        <source>The reason given most, with its share of the lost deals</source>
        <translation>A leggyakrabban megadott ok és aránya az elvesztett ügyletek között</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Csoport</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Lezárt</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source>Avg length</source>
        <translation>Átl. hossz</translation>
    </message>
    <message>
        <source>Average deal length: days from first contact to close</source>
        <translation>Átlagos ügylethossz: napok az első kapcsolatfelvételtől a lezárásig</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Megnyert összeg</translation>
    </message>
    <message>
        <source>Days/win</source>
        <translation>Nap/nyerés</translation>
    </message>
    <message>
        <source>Deal-days per win: days all closed deals took ÷ won deals</source>
        <translation>Ügyletnap nyerésenként: az összes lezárt ügyletre fordított napok ÷ megnyert ügyletek</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dátum</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontszám</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Szegmens</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Ügyfél</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Megjegyzés</translation>
    </message>
    <message>
        <source>Promoters: scores 9–10</source>
        <translation>Ajánlók: 9–10 pont</translation>
    </message>
    <message>
        <source>Passives: scores 7–8</source>
        <translation>Semlegesek: 7–8 pont</translation>
    </message>
    <message>
        <source>Detractors: scores 0–6</source>
        <translation>Elégedetlenek: 0–6 pont</translation>
    </message>
    <message>
        <source>Responses counted</source>
        <translation>Figyelembe vett válaszok</translation>
    </message>
    <message>
        <source>Decided (won or lost) deals closed in the period</source>
        <translation>Az időszakban lezárt (megnyert vagy elvesztett) ügyletek</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Visszatérő</translation>
    </message>
    <message>
        <source>Repeat-purchase share: won deals made by current customers</source>
        <translation>Ismételt vásárlások aránya: a meglévő ügyfelek által kötött megnyert ügyletek</translation>
    </message>
    <message>
        <source>What would earn a 10</source>
        <translation>Mitől lenne 10-es</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Érintkezési pont</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Mi változott</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Hatókör</translation>
    </message>
</context>
<context>
    <name>RejectedRows</name>
    <message>
        <source>row {number}: {reason}</source>
        <translation>{number}. sor: {reason}</translation>
    </message>
</context>
<context>
    <name>RenameLookupCommand</name>
    <message>
        <source>Rename {kind} {name} to {new_name}</source>
        <translation>Átnevezés ({kind}): {name} → {new_name}</translation>
    </message>
</context>
<context>
    <name>RenameTouchpointCommand</name>
    <message>
        <source>Rename the touchpoint {name}</source>
        <translation>A(z) {name} érintkezési pont átnevezése</translation>
    </message>
</context>
<context>
    <name>Rendering</name>
    <message>
        <source>nothing was drawn</source>
        <translation>semmi sem lett megrajzolva</translation>
    </message>
    <message>
        <source>Could not save {name} in {folder}: {reason}.</source>
        <translation>{name} nem menthető a(z) {folder} mappába: {reason}.</translation>
    </message>
</context>
<context>
    <name>ReorderStagesCommand</name>
    <message>
        <source>Reorder stages</source>
        <translation>Szakaszok átrendezése</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Group</source>
        <translation>Csoport</translation>
    </message>
    <message>
        <source>Prepared {date} with salesdesk.</source>
        <translation>Készült: {date}, a salesdesk programmal.</translation>
    </message>
    <message>
        <source>{title}: {value}</source>
        <translation>{title}: {value}</translation>
    </message>
    <message>
        <source>Figures by {dimension}</source>
        <translation>Mutatók {dimension} szerint</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Mutatók</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Date</source>
        <translation>Dátum</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontszám</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Szegmens</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Ügyfél</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Megjegyzés</translation>
    </message>
    <message>
        <source>Edit survey response</source>
        <translation>Felmérési válasz szerkesztése</translation>
    </message>
    <message>
        <source>Add survey responses</source>
        <translation>Felmérési válaszok hozzáadása</translation>
    </message>
    <message>
        <source>optional: a paper survey may be anonymous</source>
        <translation>nem kötelező: a papíralapú felmérés lehet névtelen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nincs)</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dátum:</translation>
    </message>
    <message>
        <source>S&amp;egment:</source>
        <translation>&amp;Szegmens:</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Termék:</translation>
    </message>
    <message>
        <source>Cl&amp;ient:</source>
        <translation>Ügy&amp;fél:</translation>
    </message>
    <message>
        <source>Dea&amp;l:</source>
        <translation>Ügy&amp;let:</translation>
    </message>
    <message>
        <source>then: “{question}”</source>
        <translation>majd: „{question}”</translation>
    </message>
    <message>
        <source>&amp;Score (0–10):</source>
        <translation>&amp;Pontszám (0–10):</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Megjegyzés:</translation>
    </message>
    <message>
        <source>&amp;Add to Batch</source>
        <translation>&amp;Hozzáadás a köteghez</translation>
    </message>
    <message>
        <source>Enter in the comment field does the same</source>
        <translation>Az Enter a megjegyzés mezőben ugyanezt teszi</translation>
    </message>
    <message>
        <source>&amp;Remove from Batch</source>
        <translation>&amp;Eltávolítás a kötegből</translation>
    </message>
    <message>
        <source>&lt;i&gt;“{question}”&lt;/i&gt;</source>
        <translation>&lt;i&gt;„{question}”&lt;/i&gt;</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>Type a score and a comment, then Enter: the survey joins the batch.</source>
        <translation>Írjon be egy pontszámot és egy megjegyzést, majd nyomjon Entert: a felmérés bekerül a kötegbe.</translation>
    </message>
    <message>
        <source>{count} in the batch · NPS {nps}</source>
        <translation>{count} a kötegben · NPS {nps}</translation>
    </message>
    <message>
        <source>Type at least one survey&apos;s score.</source>
        <translation>Legalább egy felmérés pontszámát írja be.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>Visszaállítás biztonsági mentésből</translation>
    </message>
    <message>
        <source>Backups in {folder}. The current data is backed up before it is replaced.</source>
        <translation>Biztonsági mentések itt: {folder}. A jelenlegi adatokról a csere előtt biztonsági mentés készül.</translation>
    </message>
    <message>
        <source>There are no backups in {folder} yet.</source>
        <translation>Még nincs biztonsági mentés itt: {folder}.</translation>
    </message>
    <message>
        <source>Other &amp;File…</source>
        <translation>Másik &amp;fájl…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Visszaállítás</translation>
    </message>
    <message>
        <source>Restore from a copy</source>
        <translation>Visszaállítás másolatból</translation>
    </message>
    <message>
        <source>salesdesk databases (*.db *.sqlite *.salesdesk);;All files (*)</source>
        <translation>salesdesk-adatbázisok (*.db *.sqlite *.salesdesk);;Minden fájl (*)</translation>
    </message>
</context>
<context>
    <name>RetireTouchpointCommand</name>
    <message>
        <source>Retire the touchpoint {name}</source>
        <translation>A(z) {name} érintkezési pont kivezetése</translation>
    </message>
    <message>
        <source>Bring back the touchpoint {name}</source>
        <translation>A(z) {name} érintkezési pont visszahozása</translation>
    </message>
</context>
<context>
    <name>SavePrepCommand</name>
    <message>
        <source>Prepare deal {title}</source>
        <translation>Felkészülés az ügyletre: {title}</translation>
    </message>
</context>
<context>
    <name>ScatterChart</name>
    <message>
        <source>Skill score against conversion</source>
        <translation>Készségpontszám és konverzió</translation>
    </message>
    <message>
        <source>No assessed salesperson with decided deals</source>
        <translation>Nincs olyan értékelt értékesítő, akinek lezárt ügylete van</translation>
    </message>
    <message>
        <source>x: average score (1–5) of the latest assessment; y: conversion = won ÷ (won + lost) of the deals closed in the period; n = decided deals. Grey: fewer than {threshold} decided, too few to judge.</source>
        <translation>x: a legutóbbi értékelés átlagpontszáma (1–5); y: konverzió = megnyert ÷ (megnyert + elvesztett) az időszakban lezárt ügyletekből; n = lezárt ügyletek. Szürke: kevesebb mint {threshold} lezárt ügylet, túl kevés az ítélethez.</translation>
    </message>
    <message>
        <source>Conversion (%)</source>
        <translation>Konverzió (%)</translation>
    </message>
    <message>
        <source>Average skill score (1–5)</source>
        <translation>Átlagos készségpontszám (1–5)</translation>
    </message>
    <message>
        <source>{rep} (n = {count})</source>
        <translation>{rep} (n = {count})</translation>
    </message>
</context>
<context>
    <name>Scope</name>
    <message>
        <source>{dimension}: {value}</source>
        <translation>{dimension}: {value}</translation>
    </message>
</context>
<context>
    <name>ScorecardCharts</name>
    <message>
        <source>No assessment yet</source>
        <translation>Még nincs értékelés</translation>
    </message>
    <message>
        <source>team average of the latest assessments</source>
        <translation>a legutóbbi értékelések csapatátlaga</translation>
    </message>
</context>
<context>
    <name>ScorecardFigures</name>
    <message>
        <source>results of deals closed {period}</source>
        <translation>a lezárt ügyletek eredményei: {period}</translation>
    </message>
</context>
<context>
    <name>ScorecardJobs</name>
    <message>
        <source>Scorecards PDF (*.pdf)</source>
        <translation>Értékelőlapok PDF-ben (*.pdf)</translation>
    </message>
    <message>
        <source>Scorecards CSV (*.csv)</source>
        <translation>Értékelőlapok CSV-ben (*.csv)</translation>
    </message>
    <message>
        <source>Team matrix CSV (*.csv)</source>
        <translation>Csapatmátrix CSV-ben (*.csv)</translation>
    </message>
    <message>
        <source>Save preparation brief</source>
        <translation>Tárgyalási összefoglaló mentése</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumentumok (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the brief to {path}.</source>
        <translation>Az összefoglaló mentve: {path}.</translation>
    </message>
    <message>
        <source>The scorecards are not ready yet: wait until the figures are counted.</source>
        <translation>Az értékelőlapok még nem állnak készen: várja meg, amíg elkészül a számítás.</translation>
    </message>
    <message>
        <source>Export scorecards</source>
        <translation>Értékelőlapok exportálása</translation>
    </message>
    <message>
        <source>Sample business (demo)</source>
        <translation>Mintavállalkozás (demó)</translation>
    </message>
    <message>
        <source>{name} — scorecards</source>
        <translation>{name} — értékelőlapok</translation>
    </message>
    <message>
        <source>Exported the scorecards to {path}.</source>
        <translation>Az értékelőlapok exportálva: {path}.</translation>
    </message>
    <message>
        <source>Exporting the scorecards…</source>
        <translation>Értékelőlapok exportálása…</translation>
    </message>
    <message>
        <source>The scorecards were not exported: {error}</source>
        <translation>Az értékelőlapok exportálása nem sikerült: {error}</translation>
    </message>
</context>
<context>
    <name>ScorecardModels</name>
    <message>
        <source>new</source>
        <translation>új</translation>
    </message>
    <message>
        <source>item {id}</source>
        <translation>{id}. tétel</translation>
    </message>
    <message>
        <source>Good looks like: {good}</source>
        <translation>Jó teljesítmény: {good}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dátum</translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation>Értékelő</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Átlag</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Sablon</translation>
    </message>
    <message>
        <source>v{version}</source>
        <translation>v{version}</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Témakör</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontszám</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Változás</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Megjegyzés</translation>
    </message>
    <message>
        <source>{item}

Good looks like: {good}</source>
        <translation>{item}

Jó teljesítmény: {good}</translation>
    </message>
    <message>
        <source>What to improve</source>
        <translation>Fejlesztendő</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Indok</translation>
    </message>
    <message>
        <source>among the lowest</source>
        <translation>a leggyengébbek között</translation>
    </message>
    <message>
        <source>fell by {points}</source>
        <translation>{points} ponttal esett</translation>
    </message>
</context>
<context>
    <name>ScorecardReport</name>
    <message>
        <source>item {id}</source>
        <translation>{id}. tétel</translation>
    </message>
    <message>
        <source>(team)</source>
        <translation>(csapat)</translation>
    </message>
</context>
<context>
    <name>ScorecardTemplate</name>
    <message>
        <source>Negotiation preparation</source>
        <translation>Tárgyalási felkészülés</translation>
    </message>
    <message>
        <source>Interests and bargaining variables</source>
        <translation>Érdekek és alkuváltozók</translation>
    </message>
    <message>
        <source>10 areas of the client&apos;s interest prepared</source>
        <translation>Az ügyfél 10 érdekterülete előkészítve</translation>
    </message>
    <message>
        <source>Before every important meeting the sheet lists ten concrete areas the client cares about (price, terms, delivery, risk, status, …), written from what the client said, not guessed.</source>
        <translation>Minden fontos tárgyalás előtt a lapon tíz konkrét terület szerepel, amely az ügyfélnek fontos (ár, feltételek, szállítás, kockázat, státusz, …), az alapján, amit az ügyfél mondott, nem találgatás alapján.</translation>
    </message>
    <message>
        <source>4 bargaining variables for each area</source>
        <translation>Területenként 4 alkuváltozó</translation>
    </message>
    <message>
        <source>Each area has four variables: what we can concede and what we ask in return, with the cost of each concession known.</source>
        <translation>Minden területhez négy alkuváltozó tartozik: mit engedhetünk át és mit kérünk cserébe; minden engedmény költsége ismert.</translation>
    </message>
    <message>
        <source>Concessions traded, never given</source>
        <translation>Engedmény csak ellentételezésért, ingyen soha</translation>
    </message>
    <message>
        <source>In the meeting every concession is exchanged for something from the list; nothing is given away to &apos;help close&apos;.</source>
        <translation>A tárgyaláson minden engedményért cserébe kap valamit a listáról; semmit nem ad oda ingyen „a lezárás kedvéért”.</translation>
    </message>
    <message>
        <source>Small talk and rapport</source>
        <translation>Small talk és bizalmi kapcsolat (rapport)</translation>
    </message>
    <message>
        <source>Client&apos;s public profile researched</source>
        <translation>Az ügyfél nyilvános profilja feltérképezve</translation>
    </message>
    <message>
        <source>Company site, news and the contact&apos;s public profiles read before the call; two or three facts noted on the sheet.</source>
        <translation>A hívás előtt elolvassa a cég honlapját, a híreket és a kapcsolattartó nyilvános profiljait; két-három tényt feljegyez a lapra.</translation>
    </message>
    <message>
        <source>Small talk prepared from interests and hobbies</source>
        <translation>Small talk előkészítve az érdeklődési kör és a hobbik alapján</translation>
    </message>
    <message>
        <source>Opens with a natural topic from the client&apos;s interests; the client talks more than the salesperson in the first minutes.</source>
        <translation>Az ügyfél érdeklődési köréből vett, természetes témával nyit; az első percekben az ügyfél többet beszél, mint az értékesítő.</translation>
    </message>
    <message>
        <source>SPIN questions</source>
        <translation>SPIN-kérdések</translation>
    </message>
    <message>
        <source>Situation and problem questions prepared</source>
        <translation>Helyzet- és problémakérdések előkészítve</translation>
    </message>
    <message>
        <source>Short list of situation questions (only what research could not answer) and problem questions aimed at the interests found beforehand.</source>
        <translation>Rövid lista helyzetkérdésekből (csak arról, amire az előzetes kutatás nem adott választ) és az előre feltárt érdekekre irányuló problémakérdésekből.</translation>
    </message>
    <message>
        <source>Implication and need-payoff questions prepared</source>
        <translation>Következmény- és haszonkérdések előkészítve</translation>
    </message>
    <message>
        <source>Questions that make the client state the cost of the problem and the value of solving it, in the client&apos;s own words.</source>
        <translation>Olyan kérdések, amelyekre az ügyfél a saját szavaival mondja ki, mibe kerül neki a probléma, és mit ér a megoldása.</translation>
    </message>
    <message>
        <source>Questions confirm the interests identified beforehand</source>
        <translation>A kérdések megerősítik az előre azonosított érdekeket</translation>
    </message>
    <message>
        <source>By the end of the meeting each prepared interest is confirmed or struck out; the sheet is updated afterwards.</source>
        <translation>A tárgyalás végére minden előre felírt érdek megerősítést nyer vagy kikerül; a lapot utána frissíti.</translation>
    </message>
    <message>
        <source>Price arguments</source>
        <translation>Árérvek</translation>
    </message>
    <message>
        <source>Arguments for the price prepared</source>
        <translation>Árérvek előkészítve</translation>
    </message>
    <message>
        <source>Three or more arguments linking the price to the client&apos;s interests (value, total cost, risk), ready before the meeting.</source>
        <translation>Legalább három érv, amely az árat az ügyfél érdekeihez köti (érték, teljes költség, kockázat), már a tárgyalás előtt készen.</translation>
    </message>
    <message>
        <source>Counter-arguments to price objections prepared</source>
        <translation>Ellenérvek az árkifogásokra előkészítve</translation>
    </message>
    <message>
        <source>The usual objections (&apos;too expensive&apos;, &apos;the competitor is cheaper&apos;, &apos;no budget&apos;) each have a prepared answer; the price is held without an unplanned discount.</source>
        <translation>A szokásos kifogások („túl drága”, „a versenytárs olcsóbb”, „nincs rá keret”) mindegyikére van előkészített válasz; az árat tartja, nem ad tervezetlen kedvezményt.</translation>
    </message>
    <message>
        <source>Manipulation techniques</source>
        <translation>Manipulációs technikák</translation>
    </message>
    <message>
        <source>Recognises the client&apos;s manipulation techniques</source>
        <translation>Felismeri az ügyfél manipulációs technikáit</translation>
    </message>
    <message>
        <source>Names the tactic in use (good cop/bad cop, false deadline, nibbling, flinch, higher authority, …) during or right after the meeting.</source>
        <translation>Megnevezi az alkalmazott taktikát (jó zsaru/rossz zsaru, hamis határidő, csipegetés, színlelt megdöbbenés, magasabb fórum, …) a tárgyalás alatt vagy közvetlenül utána.</translation>
    </message>
    <message>
        <source>Responds calmly with a prepared move</source>
        <translation>Nyugodtan, előre felkészített lépéssel reagál</translation>
    </message>
    <message>
        <source>Answers a tactic with the prepared response instead of an unplanned concession; returns the talk to interests.</source>
        <translation>A taktikára az előkészített válasszal felel, nem tervezetlen engedménnyel; a beszélgetést visszaviszi az érdekekhez.</translation>
    </message>
    <message>
        <source>Sales regulations and process</source>
        <translation>Értékesítési szabályzat és folyamat</translation>
    </message>
    <message>
        <source>Knows the sales regulations</source>
        <translation>Ismeri az értékesítési szabályzatot</translation>
    </message>
    <message>
        <source>Knows the discount limits, approval steps, contract terms and what may be promised; never needs to take back a promise.</source>
        <translation>Ismeri a kedvezményhatárokat, a jóváhagyási lépéseket, a szerződési feltételeket és azt, hogy mit szabad megígérni; soha nem kell visszavonnia egy ígéretét.</translation>
    </message>
    <message>
        <source>Follows the sales process and keeps the pipeline current</source>
        <translation>Követi az értékesítési folyamatot, és naprakészen tartja a tölcsért</translation>
    </message>
    <message>
        <source>Every deal has its stage, next step and expected close up to date; no deal stalls unnoticed.</source>
        <translation>Minden ügyletnél naprakész a szakasz, a következő lépés és a várható lezárás; egyetlen ügylet sem akad el észrevétlenül.</translation>
    </message>
    <message>
        <source>Good cop / bad cop</source>
        <translation>Jó zsaru / rossz zsaru</translation>
    </message>
    <message>
        <source>False deadline</source>
        <translation>Hamis határidő</translation>
    </message>
    <message>
        <source>Higher authority (&quot;my boss won&apos;t approve&quot;)</source>
        <translation>Magasabb fórum („a főnököm ezt nem hagyja jóvá”)</translation>
    </message>
    <message>
        <source>Nibbling (small extras after agreement)</source>
        <translation>Csipegetés (apró pluszok a megállapodás után)</translation>
    </message>
    <message>
        <source>Flinch at the price</source>
        <translation>Színlelt megdöbbenés az ár hallatán</translation>
    </message>
    <message>
        <source>Competitor&apos;s lower offer (real or invented)</source>
        <translation>A versenytárs olcsóbb ajánlata (valós vagy kitalált)</translation>
    </message>
    <message>
        <source>Salami (concessions asked one slice at a time)</source>
        <translation>Szalámitaktika (engedmények kérése szeletenként)</translation>
    </message>
    <message>
        <source>Silence and waiting</source>
        <translation>Hallgatás és várakozás</translation>
    </message>
    <message>
        <source>Feigned indifference</source>
        <translation>Színlelt közöny</translation>
    </message>
    <message>
        <source>Take it or leave it</source>
        <translation>Vagy elfogadja, vagy nem</translation>
    </message>
    <message>
        <source>Reopening settled points</source>
        <translation>Már lezárt pontok újranyitása</translation>
    </message>
    <message>
        <source>Flattery before a demand</source>
        <translation>Hízelgés egy követelés előtt</translation>
    </message>
</context>
<context>
    <name>Scorecards</name>
    <message>
        <source>An item needs a text.</source>
        <translation>A tételhez szöveget kell megadni.</translation>
    </message>
    <message>
        <source>There is no section {section}.</source>
        <translation>Nincs ilyen témakör: {section}.</translation>
    </message>
    <message>
        <source>That item is not in the template.</source>
        <translation>Ez a tétel nincs a sablonban.</translation>
    </message>
    <message>
        <source>Choose the salesperson assessed.</source>
        <translation>Válassza ki az értékelt értékesítőt.</translation>
    </message>
    <message>
        <source>Enter who made the assessment.</source>
        <translation>Adja meg, ki végezte az értékelést.</translation>
    </message>
    <message>
        <source>Score “{item}” from {low} to {high}.</source>
        <translation>Pontozza {low} és {high} között: „{item}”.</translation>
    </message>
    <message>
        <source>This item is not in the template.</source>
        <translation>Ez a tétel nincs a sablonban.</translation>
    </message>
    <message>
        <source>Scores run from {low} to {high}.</source>
        <translation>A pontszám {low} és {high} között lehet.</translation>
    </message>
    <message>
        <source>Template version {version} does not exist.</source>
        <translation>A sablon {version}. változata nem létezik.</translation>
    </message>
    <message>
        <source>Every item must belong to one of the template&apos;s sections.</source>
        <translation>Minden tételnek a sablon valamelyik témaköréhez kell tartoznia.</translation>
    </message>
    <message>
        <source>An assessment was filled in on a later version of the template.</source>
        <translation>A sablon egy későbbi változatán már kitöltöttek egy értékelést.</translation>
    </message>
    <message>
        <source>There is no salesperson called {name}.</source>
        <translation>Nincs {name} nevű értékesítő.</translation>
    </message>
    <message>
        <source>The prepared threshold must be above 0 % and at most 100 %.</source>
        <translation>Az előkészítettségi küszöb 0 %-nál nagyobb és legfeljebb 100 % lehet.</translation>
    </message>
</context>
<context>
    <name>ScorecardsPdf</name>
    <message>
        <source>prepared</source>
        <translation>előkészített</translation>
    </message>
    <message>
        <source>not yet prepared</source>
        <translation>még nem előkészített</translation>
    </message>
    <message>
        <source>Negotiation brief — {deal}</source>
        <translation>Tárgyalási összefoglaló — {deal}</translation>
    </message>
    <message>
        <source>{details} · printed {date} · {filled} of {total} fields ({share} %), {status} (from {threshold} %)</source>
        <translation>{details} · nyomtatva: {date} · {total} mezőből {filled} ({share} %), {status} (küszöb: {threshold} %)</translation>
    </message>
    <message>
        <source>Interests and bargaining variables &lt;span style=&apos;font-weight:normal;color:#555&apos;&gt;(what we can concede ⇄ what we ask in return)&lt;/span&gt;</source>
        <translation>Érdekek és alkuváltozók &lt;span style=&apos;font-weight:normal;color:#555&apos;&gt;(mit engedhetünk át ⇄ mit kérünk cserébe)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Area of interest</source>
        <translation>Érdekterület</translation>
    </message>
    <message>
        <source>Small talk and rapport</source>
        <translation>Small talk és bizalmi kapcsolat (rapport)</translation>
    </message>
    <message>
        <source>SPIN questions</source>
        <translation>SPIN-kérdések</translation>
    </message>
    <message>
        <source>Price arguments</source>
        <translation>Árérvek</translation>
    </message>
    <message>
        <source>Counter-arguments</source>
        <translation>Ellenérvek</translation>
    </message>
    <message>
        <source>Manipulation techniques (checklist reviewed)</source>
        <translation>Manipulációs technikák (ellenőrzőlista átnézve)</translation>
    </message>
    <message>
        <source>Manipulation techniques</source>
        <translation>Manipulációs technikák</translation>
    </message>
    <message>
        <source>the PDF could not be written</source>
        <translation>a PDF-fájlt nem sikerült megírni</translation>
    </message>
    <message>
        <source>Brief — {deal}</source>
        <translation>Összefoglaló — {deal}</translation>
    </message>
    <message>
        <source>rep</source>
        <translation>Értékesítő</translation>
    </message>
    <message>
        <source>mean_score</source>
        <translation>Átlagpontszám</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Results of deals closed {period} · printed {date} · conversion = won ÷ (won + lost), n = decided deals; average deal length = close date − first contact in days; a deal counts as prepared when its preparation sheet is at least {share} % complete.</source>
        <translation>A lezárt ügyletek eredményei: {period} · nyomtatva: {date} · konverzió = megnyert ÷ (megnyert + elvesztett), n = lezárt ügyletek; átlagos ügylethossz = lezárás dátuma − első kapcsolatfelvétel, napban; egy ügylet akkor számít előkészítettnek, ha a felkészülési lapja legalább {share} %-ban kitöltött.</translation>
    </message>
    <message>
        <source>Team matrix</source>
        <translation>Csapatmátrix</translation>
    </message>
    <message>
        <source>Average score (1–5) per section of each salesperson&apos;s latest assessment.</source>
        <translation>Témakörönkénti átlagpontszám (1–5) az egyes értékesítők legutóbbi értékeléséből.</translation>
    </message>
    <message>
        <source>Team: conversion {conversion} (n = {decided}), average deal length {days} days, {share} of decided deals prepared.</source>
        <translation>Csapat: konverzió {conversion} (n = {decided}), átlagos ügylethossz {days} nap, az előkészített lezárt ügyletek aránya {share}.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Never assessed.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Még nem értékelték.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Assessed {date} by {assessor} (template v{version}), average {score}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Értékelés dátuma: {date}, értékelő: {assessor} (sablon: v{version}), átlag: {score}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Conversion {conversion} (n = {decided}, too few to judge), average deal length {days} days. Prepared {share} of {prep_decided} decided deals; conversion prepared {prepared_conversion} (n = {prepared}), unprepared {unprepared_conversion} (n = {unprepared}).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Konverzió {conversion} (n = {decided}, túl kevés az ítélethez), átlagos ügylethossz {days} nap. {prep_decided} lezárt ügyletből {share} előkészített; konverzió előkészítve {prepared_conversion} (n = {prepared}), előkészítés nélkül {unprepared_conversion} (n = {unprepared}).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Conversion {conversion} (n = {decided}), average deal length {days} days. Prepared {share} of {prep_decided} decided deals; conversion prepared {prepared_conversion} (n = {prepared}), unprepared {unprepared_conversion} (n = {unprepared}).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Konverzió {conversion} (n = {decided}), átlagos ügylethossz {days} nap. {prep_decided} lezárt ügyletből {share} előkészített; konverzió előkészítve {prepared_conversion} (n = {prepared}), előkészítés nélkül {unprepared_conversion} (n = {unprepared}).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>to improve</source>
        <translation>fejlesztendő</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Témakör</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Pontszám</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Megjegyzés</translation>
    </message>
</context>
<context>
    <name>ScorecardsTab</name>
    <message>
        <source>{days} days</source>
        <translation>{days} nap</translation>
    </message>
    <message>
        <source>Results period start</source>
        <translation>Az eredmények időszakának kezdete</translation>
    </message>
    <message>
        <source>Results period end</source>
        <translation>Az eredmények időszakának vége</translation>
    </message>
    <message>
        <source>12 months up to the assessment</source>
        <translation>Az értékelésig tartó 12 hónap</translation>
    </message>
    <message>
        <source>&amp;New Assessment…</source>
        <translation>Ú&amp;j értékelés…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Törlés</translation>
    </message>
    <message>
        <source>Delete the selected assessment (can be undone)</source>
        <translation>A kijelölt értékelés törlése (visszavonható)</translation>
    </message>
    <message>
        <source>Edit Te&amp;mplate…</source>
        <translation>Sa&amp;blon szerkesztése…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportálás…</translation>
    </message>
    <message>
        <source>Write the scorecards and the team matrix to PDF or CSV</source>
        <translation>Az értékelőlapok és a csapatmátrix kiírása PDF- vagy CSV-fájlba</translation>
    </message>
    <message>
        <source>Sales&amp;person:</source>
        <translation>É&amp;rtékesítő:</translation>
    </message>
    <message>
        <source>Results of deals closed from</source>
        <translation>A lezárt ügyletek eredményei:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Értékelések</translation>
    </message>
    <message>
        <source>&lt;b&gt;Assessments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Értékelések&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What to improve</source>
        <translation>Fejlesztendő</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Pontszámok</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Alakulás</translation>
    </message>
    <message>
        <source>Team matrix</source>
        <translation>Csapatmátrix</translation>
    </message>
    <message>
        <source>Skill vs conversion</source>
        <translation>Készség és konverzió</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagram exportálása…</translation>
    </message>
    <message>
        <source>Save the chart shown as PNG, SVG, PDF or CSV</source>
        <translation>A látható diagram mentése PNG, SVG, PDF vagy CSV formátumban</translation>
    </message>
    <message>
        <source>&lt;b&gt;What to improve&lt;/b&gt; — the three lowest scores below 5 (ties included) and every item that fell by a point or more</source>
        <translation>&lt;b&gt;Fejlesztendő&lt;/b&gt; — az 5 alatti három legalacsonyabb pontszám (holtversennyel együtt) és minden tétel, amely legalább egy pontot esett</translation>
    </message>
    <message>
        <source>No assessment yet: New Assessment scores every item of the checklist.</source>
        <translation>Még nincs értékelés: az Új értékelés az ellenőrzőlista minden tételét pontozza.</translation>
    </message>
    <message>
        <source>Add salespeople to deals (or in Edit ▸ Lists) to assess them.</source>
        <translation>Az értékeléshez adjon meg értékesítőket az ügyleteknél (vagy a Szerkesztés ▸ Listák menüben).</translation>
    </message>
    <message>
        <source>&lt;i&gt;Counting the figures…&lt;/i&gt;</source>
        <translation>&lt;i&gt;A számok összesítése…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>too few to judge</source>
        <translation>túl kevés az ítélethez</translation>
    </message>
    <message>
        <source>n = {count}</source>
        <translation>n = {count}</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Lezárt</translation>
    </message>
    <message>
        <source>Avg deal length</source>
        <translation>Átl. ügylethossz</translation>
    </message>
    <message>
        <source>&lt;b&gt;Results&lt;/b&gt; — deals closed {period}</source>
        <translation>&lt;b&gt;Eredmények&lt;/b&gt; — lezárt ügyletek: {period}</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Csapat</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preparation&lt;/b&gt; (a deal counts as prepared when its sheet is at least {threshold} complete): {share} of {decided} decided deals prepared.&lt;br&gt;Conversion of prepared deals {prepared_conversion} (n = {prepared}), of unprepared {unprepared_conversion} (n = {unprepared}).</source>
        <translation>&lt;b&gt;Felkészülés&lt;/b&gt; (egy ügylet akkor számít előkészítettnek, ha a lapja legalább {threshold}-ban kitöltött): {decided} lezárt ügyletből {share} előkészített.&lt;br&gt;Az előkészített ügyletek konverziója {prepared_conversion} (n = {prepared}), az előkészítetleneké {unprepared_conversion} (n = {unprepared}).</translation>
    </message>
    <message>
        <source>Team: {share} prepared; prepared {prepared_conversion} (n = {prepared}), unprepared {unprepared_conversion} (n = {unprepared}).</source>
        <translation>Csapat: {share} előkészített; konverzió előkészítve {prepared_conversion} (n = {prepared}), előkészítés nélkül {unprepared_conversion} (n = {unprepared}).</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>Értékelés törlése</translation>
    </message>
    <message>
        <source>Delete the assessment of {rep} of {date}? (Edit ▸ Undo brings it back.)</source>
        <translation>Törli {rep} értékelését ({date})? (A Szerkesztés ▸ Visszavonás visszahozza.)</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <source>Write B2C or B2B.</source>
        <translation>Írja be: B2C vagy B2B.</translation>
    </message>
</context>
<context>
    <name>SetCompetitorReasonCommand</name>
    <message>
        <source>Choose the lost reason for competitors</source>
        <translation>A versenytársat jelentő elvesztési ok kiválasztása</translation>
    </message>
</context>
<context>
    <name>SetContactCommand</name>
    <message>
        <source>Edit contact of {name}</source>
        <translation>{name} kapcsolattartási adatainak szerkesztése</translation>
    </message>
</context>
<context>
    <name>SetPreparedShareCommand</name>
    <message>
        <source>Count deals as prepared from {share} %</source>
        <translation>Előkészítettségi küszöb: {share} %</translation>
    </message>
</context>
<context>
    <name>SetRetiredCommand</name>
    <message>
        <source>Retire {kind} {name}</source>
        <translation>Kivezetés ({kind}): {name}</translation>
    </message>
    <message>
        <source>Restore {kind} {name}</source>
        <translation>Visszaállítás ({kind}): {name}</translation>
    </message>
</context>
<context>
    <name>SetStageCommand</name>
    <message>
        <source>Move deal {title} to {stage}</source>
        <translation>„{title}” ügylet áthelyezése ebbe a szakaszba: {stage}</translation>
    </message>
</context>
<context>
    <name>SetTacticsCommand</name>
    <message>
        <source>Edit the manipulation checklist</source>
        <translation>A manipulációs ellenőrzőlista szerkesztése</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Where</source>
        <translation>Hely</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Művelet</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Billentyűk</translation>
    </message>
    <message>
        <source>Deals list</source>
        <translation>Ügyletlista</translation>
    </message>
    <message>
        <source>Open the selected deal</source>
        <translation>A kijelölt ügylet megnyitása</translation>
    </message>
    <message>
        <source>Any form</source>
        <translation>Bármely űrlap</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Mentés</translation>
    </message>
    <message>
        <source>Enter, or Ctrl+Enter in a notes field</source>
        <translation>Enter, jegyzetmezőben Ctrl+Enter</translation>
    </message>
    <message>
        <source>Cancel (asks before discarding typed changes)</source>
        <translation>Mégse (a begépelt módosítások elvetése előtt rákérdez)</translation>
    </message>
    <message>
        <source>Go to a field</source>
        <translation>Ugrás egy mezőre</translation>
    </message>
    <message>
        <source>Alt + its underlined letter</source>
        <translation>Alt + a mező aláhúzott betűje</translation>
    </message>
    <message>
        <source>Date fields</source>
        <translation>Dátummezők</translation>
    </message>
    <message>
        <source>Pick from a calendar</source>
        <translation>Választás naptárból</translation>
    </message>
    <message>
        <source>Tabs and pages</source>
        <translation>Lapok és oldalak</translation>
    </message>
    <message>
        <source>Next or previous page</source>
        <translation>Következő vagy előző oldal</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Billentyűparancsok</translation>
    </message>
    <message>
        <source>Type to find a command or a key…</source>
        <translation>Gépeljen egy parancs vagy billentyű kereséséhez…</translation>
    </message>
    <message>
        <source>Find a shortcut</source>
        <translation>Billentyűparancs keresése</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Keresés:</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Billentyűparancsok</translation>
    </message>
</context>
<context>
    <name>SliceBar</name>
    <message>
        <source>(no grouping)</source>
        <translation>(nincs csoportosítás)</translation>
    </message>
    <message>
        <source>Deals closed in the period</source>
        <translation>Az időszakban lezárt ügyletek</translation>
    </message>
    <message>
        <source>Deals started in the period</source>
        <translation>Az időszakban indult ügyletek</translation>
    </message>
    <message>
        <source>Deals closed in the period: won, lost, conversion and deal length count the deals closed in it; open deals are those still open at its end.
Deals started in the period: the deals first contacted in it (a cohort), each with its outcome today.</source>
        <translation>Az időszakban lezárt ügyletek: a megnyert, az elvesztett, a konverzió és az ügylet hossza az időszakban lezárt ügyleteket számolja; nyitottak az időszak végén még nyitott ügyletek.
Az időszakban indult ügyletek: az időszakban első kapcsolatfelvétellel indult ügyletek (kohorsz), mindegyik a mai kimenetelével.</translation>
    </message>
    <message>
        <source>Compare with previous period</source>
        <translation>Összevetés az előző időszakkal</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Időszak</translation>
    </message>
    <message>
        <source>Group &amp;by</source>
        <translation>&amp;Csoportosítás</translation>
    </message>
    <message>
        <source>{dimension}: {value}  ✕</source>
        <translation>{dimension}: {value}  ✕</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>A szűrő eltávolítása</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Minden szűrő törlése</translation>
    </message>
</context>
<context>
    <name>SliceSpec</name>
    <message>
        <source>(none)</source>
        <translation>(nincs)</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Ügyféltípus</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Csatorna</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Termék</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Célcsoport</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Régió</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>Értékesítő</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Ügyfél</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Szakasz</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Elvesztés oka</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Hónap</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Negyedév</translation>
    </message>
    <message>
        <source>new</source>
        <translation>új</translation>
    </message>
    <message>
        <source>current</source>
        <translation>meglévő</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ez a hónap</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Előző hónap</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Ez a negyedév</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Előző negyedév</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Ez az év</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Utolsó 12 hónap</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Teljes időszak</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Egyéni időszak</translation>
    </message>
</context>
<context>
    <name>Source</name>
    <message>
        <source>{name} cannot be read after row {row}: {error}. Nothing was imported; choose another encoding or check the file.</source>
        <translation>A(z) {name} a(z) {row}. sor után nem olvasható: {error}. Semmi sem lett importálva; válasszon másik kódolást, vagy ellenőrizze a fájlt.</translation>
    </message>
    <message>
        <source>A quote is not closed: a field runs over {count} more lines, which look like rows of the file; close the quote and import them again.</source>
        <translation>Egy idézőjel nincs lezárva: egy mező további {count} sorra nyúlik át, amelyek a fájl sorainak tűnnek; zárja le az idézőjelet, és importálja újra őket.</translation>
    </message>
    <message>
        <source>A quote is not closed: a field runs over {count} more line, which look like rows of the file; close the quote and import them again.</source>
        <translation>Egy idézőjel nincs lezárva: egy mező további {count} sorra nyúlik át, amely a fájl egy sorának tűnik; zárja le az idézőjelet, és importálja újra.</translation>
    </message>
    <message>
        <source>{name} is a damaged workbook: {error}.</source>
        <translation>A(z) {name} sérült munkafüzet: {error}.</translation>
    </message>
</context>
<context>
    <name>SpinGroup</name>
    <message>
        <source>Situation</source>
        <translation>Helyzet</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probléma</translation>
    </message>
    <message>
        <source>Implication</source>
        <translation>Következmény</translation>
    </message>
    <message>
        <source>Need-payoff</source>
        <translation>Megoldás haszna</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <source>Step</source>
        <translation>Lépés</translation>
    </message>
    <message>
        <source>We</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>They</source>
        <translation>Ők</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Versenytárs</translation>
    </message>
    <message>
        <source>Type here to add a step</source>
        <translation>Új lépéshez írjon ide</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>{name} is in use by another program; its latest changes could not be written into the file itself.</source>
        <translation>A(z) {name} fájlt egy másik program használja; a legutóbbi módosításait nem sikerült magába a fájlba írni.</translation>
    </message>
    <message>
        <source>{name} is used by deals: retire or merge it instead.</source>
        <translation>A(z) {name} értéket ügyletek használják: inkább vezesse ki, vagy vonja össze.</translation>
    </message>
    <message>
        <source>Choose another name: this is the file that is open.</source>
        <translation>Válasszon másik nevet: ez a megnyitott fájl.</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>{action} failed: {error}</source>
        <translation>{action} – sikertelen: {error}</translation>
    </message>
    <message>
        <source>Saved: {action}.</source>
        <translation>Mentve: {action}.</translation>
    </message>
    <message>
        <source>Redone: {action}.</source>
        <translation>Újra végrehajtva: {action}.</translation>
    </message>
    <message>
        <source>Undone: {action}.</source>
        <translation>Visszavonva: {action}.</translation>
    </message>
    <message>
        <source>Could not replay {action}: {error}</source>
        <translation>{action} – nem sikerült újra végrehajtani: {error}</translation>
    </message>
</context>
<context>
    <name>TargetChart</name>
    <message>
        <source>Selling time per win by audience and customer type</source>
        <translation>Értékesítési idő nyerésenként célcsoport és ügyféltípus szerint</translation>
    </message>
    <message>
        <source>Deal-days per win = days all closed deals took (first contact to close, lost ones included) ÷ won deals = average deal length ÷ conversion. Orange: audiences with enough decided deals costing more than the business&apos;s {business}. n = {count} decided deals.</source>
        <translation>Ügyletnap nyerésenként = az összes lezárt ügyletre fordított napok (az első kapcsolatfelvételtől a lezárásig, az elvesztetteket is beleértve) ÷ megnyert ügyletek = átlagos ügylethossz ÷ konverzió. Narancssárga: azok a célcsoportok, amelyeknek elég lezárt ügyletük van, és többe kerülnek, mint a vállalkozás egészének {business} értéke. n = {count} lezárt ügylet.</translation>
    </message>
    <message>
        <source>No decided deals in this period</source>
        <translation>Ebben az időszakban nincs lezárt ügylet</translation>
    </message>
    <message>
        <source>Deal-days per win</source>
        <translation>Ügyletnap nyerésenként</translation>
    </message>
    <message>
        <source>no win</source>
        <translation>nincs nyerés</translation>
    </message>
    <message>
        <source>{group}: no win per win
conversion {conversion} of {decided} decided, average deal length {length}</source>
        <translation>{group}: nincs nyerés
konverzió {conversion} ({decided} lezárt ügyletből), átlagos ügylethossz {length}</translation>
    </message>
    <message>
        <source>{group}: {days} deal-days per win
conversion {conversion} of {decided} decided, average deal length {length}</source>
        <translation>{group}: {days} ügyletnap nyerésenként
konverzió {conversion} ({decided} lezárt ügyletből), átlagos ügylethossz {length}</translation>
    </message>
</context>
<context>
    <name>TargetCustomer</name>
    <message>
        <source>(none)</source>
        <translation>(nincs)</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} nap</translation>
    </message>
    <message>
        <source>{name}: no win from {decided} decided deals ({length} per deal on average).</source>
        <translation>{name}: {decided} lezárt ügyletből egyet sem nyertünk meg (átlagosan {length} ügyletenként).</translation>
    </message>
    <message>
        <source>{name} takes {days} deal-days per win (conversion {conversion}, {length} per deal, n = {n}).</source>
        <translation>{name}: {days} ügyletnap nyerésenként (konverzió {conversion}, {length} ügyletenként, n = {n}).</translation>
    </message>
    <message>
        <source>{name} takes {days} deal-days per win, {ratio}× the business&apos;s {business} (conversion {conversion}, {length} per deal, n = {n}).</source>
        <translation>{name}: {days} ügyletnap nyerésenként, {ratio}× annyi, mint a vállalkozás egészének {business} értéke (konverzió {conversion}, {length} ügyletenként, n = {n}).</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Audience</source>
        <translation>Célcsoport</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Ügyféltípus</translation>
    </message>
    <message>
        <source>Figures by audience</source>
        <translation>Adatok célcsoportonként</translation>
    </message>
    <message>
        <source>Figures by customer type</source>
        <translation>Adatok ügyféltípusonként</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagram exportálása…</translation>
    </message>
    <message>
        <source>By audience</source>
        <translation>Célcsoportonként</translation>
    </message>
    <message>
        <source>By customer type</source>
        <translation>Ügyféltípusonként</translation>
    </message>
    <message>
        <source>Selling time per win</source>
        <translation>Értékesítési idő nyerésenként</translation>
    </message>
    <message>
        <source>&lt;i&gt;Counting the deals…&lt;/i&gt;</source>
        <translation>&lt;i&gt;Ügyletek számolása…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Won ({currency})</source>
        <translation>Megnyert ({currency})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Most time for the fewest wins&lt;/b&gt; (the business: {business} deal-days per win):&lt;ul&gt;{items}&lt;/ul&gt;</source>
        <translation>&lt;b&gt;A legtöbb idő a legkevesebb nyerésért&lt;/b&gt; (a vállalkozás egésze: {business} ügyletnap nyerésenként):&lt;ul&gt;{items}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>No audience with enough decided deals takes more selling time per win than the business ({business} deal-days).</source>
        <translation>Egyetlen, elég lezárt ügylettel rendelkező célcsoport sem igényel több értékesítési időt nyerésenként, mint a vállalkozás egésze ({business} ügyletnap).</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Skill template</source>
        <translation>Készségsablon</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hozzáadás…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Át&amp;nevezés…</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>&amp;Feljebb</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>&amp;Lejjebb</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>&amp;Kivezetés</translation>
    </message>
    <message>
        <source>Each change is saved at once as a new version of the template (Edit ▸ Undo reverts it); assessments keep the version they were made with. Retired items leave new sheets but keep their history.</source>
        <translation>Minden módosítás azonnal a sablon új változataként mentődik (a Szerkesztés ▸ Visszavonás visszavonja); az értékelések megtartják azt a változatot, amellyel készültek. A kivezetett tételek kimaradnak az új lapokról, de az előzményeik megmaradnak.</translation>
    </message>
    <message>
        <source>Save Checklist</source>
        <translation>Ellenőrzőlista mentése</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Alkalmaz</translation>
    </message>
    <message>
        <source>Manipulation techniques offered on every preparation sheet, one per line:</source>
        <translation>Minden felkészülési lapon felkínált manipulációs technikák, soronként egy:</translation>
    </message>
    <message>
        <source>A deal counts as prepared when its sheet is at least</source>
        <translation>Egy ügylet akkor számít előkészítettnek, ha a lapja legalább</translation>
    </message>
    <message>
        <source>complete.</source>
        <translation>arányban kitöltött.</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Ellenőrzőlista tételei</translation>
    </message>
    <message>
        <source>Preparation sheets</source>
        <translation>Felkészülési lapok</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>{version}. változat</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>&amp;Visszaállítás</translation>
    </message>
    <message>
        <source>Add checklist item {item}</source>
        <translation>Ellenőrzőlista-tétel hozzáadása: {item}</translation>
    </message>
    <message>
        <source>Rename checklist item {item}</source>
        <translation>Ellenőrzőlista-tétel átnevezése: {item}</translation>
    </message>
    <message>
        <source>Reorder the checklist</source>
        <translation>Az ellenőrzőlista átrendezése</translation>
    </message>
    <message>
        <source>Restore checklist item {item}</source>
        <translation>Ellenőrzőlista-tétel visszaállítása: {item}</translation>
    </message>
    <message>
        <source>Retire checklist item {item}</source>
        <translation>Ellenőrzőlista-tétel kivezetése: {item}</translation>
    </message>
</context>
<context>
    <name>TemplateModel</name>
    <message>
        <source>Section</source>
        <translation>Témakör</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>What good looks like</source>
        <translation>Jó teljesítmény</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>kivezetve</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>használatban</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Light</source>
        <translation>Világos</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sötét</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Rendszer szerint</translation>
    </message>
</context>
<context>
    <name>Touchpoints</name>
    <message>
        <source>Choose the touchpoint that changed.</source>
        <translation>Válassza ki a megváltozott érintkezési pontot.</translation>
    </message>
    <message>
        <source>A change needs the date it took effect.</source>
        <translation>A változáshoz meg kell adni, mikor lépett életbe.</translation>
    </message>
    <message>
        <source>Say what changed, e.g. &quot;new price tags in shop 2&quot;.</source>
        <translation>Írja le, mi változott, pl. „új árcédulák a 2-es üzletben”.</translation>
    </message>
    <message>
        <source>At most {limit} characters.</source>
        <translation>Legfeljebb {limit} karakter.</translation>
    </message>
    <message>
        <source>A change can concern a channel, product, region, audience, salesperson or customer type.</source>
        <translation>Egy változás vonatkozhat csatornára, termékre, régióra, célcsoportra, értékesítőre vagy ügyféltípusra.</translation>
    </message>
    <message>
        <source>Choose the value the change concerns.</source>
        <translation>Válassza ki, melyik értékre vonatkozik a változás.</translation>
    </message>
    <message>
        <source>A window lasts from 1 to {limit} days.</source>
        <translation>Egy ablak 1 és {limit} nap között tarthat.</translation>
    </message>
    <message>
        <source>No verdict on conversion: a window has no decided deal.</source>
        <translation>Nincs ítélet a konverzióról: az egyik ablakban nincs lezárt ügylet.</translation>
    </message>
    <message>
        <source>{before} → {after} ({change} points; likely range {low} to {high})</source>
        <translation>{before} → {after} ({change} százalékpont; valószínű tartomány: {low} – {high})</translation>
    </message>
    <message>
        <source>No verdict on conversion: too few decided deals ({before} before, {after} after; {needed} needed in each window): {moved}.</source>
        <translation>Nincs ítélet a konverzióról: túl kevés a lezárt ügylet (előtte {before}, utána {after}; mindkét ablakban {needed} szükséges): {moved}.</translation>
    </message>
    <message>
        <source>No verdict on conversion: too few decided deals.</source>
        <translation>Nincs ítélet a konverzióról: túl kevés a lezárt ügylet.</translation>
    </message>
    <message>
        <source>Conversion rose after the change: {moved}.</source>
        <translation>A konverzió nőtt a változás után: {moved}.</translation>
    </message>
    <message>
        <source>Conversion fell after the change: {moved}.</source>
        <translation>A konverzió csökkent a változás után: {moved}.</translation>
    </message>
    <message>
        <source>No verdict on conversion: {moved}; the likely range includes no change.</source>
        <translation>Nincs ítélet a konverzióról: {moved}; a valószínű tartományba a változatlanság is beletartozik.</translation>
    </message>
    <message>
        <source>No verdict on conversion: the likely range includes no change.</source>
        <translation>Nincs ítélet a konverzióról: a valószínű tartományba a változatlanság is beletartozik.</translation>
    </message>
    <message>
        <source>No verdict on deal length: a window has no closed deal of known length.</source>
        <translation>Nincs ítélet az ügylet hosszáról: az egyik ablakban nincs ismert hosszú lezárt ügylet.</translation>
    </message>
    <message>
        <source>No verdict on deal length: a window has no closed deal.</source>
        <translation>Nincs ítélet az ügylet hosszáról: az egyik ablakban nincs lezárt ügylet.</translation>
    </message>
    <message>
        <source>No verdict on deal length: {before} → {after} days on average ({change} days); a window has under two deals.</source>
        <translation>Nincs ítélet az ügylet hosszáról: átlagosan {before} → {after} nap ({change} nap); az egyik ablakban kettőnél kevesebb ügylet van.</translation>
    </message>
    <message>
        <source>No verdict on deal length: a window has under two deals.</source>
        <translation>Nincs ítélet az ügylet hosszáról: az egyik ablakban kettőnél kevesebb ügylet van.</translation>
    </message>
    <message>
        <source>{before} → {after} days on average ({change} days; likely range {low} to {high})</source>
        <translation>átlagosan {before} → {after} nap ({change} nap; valószínű tartomány: {low} – {high})</translation>
    </message>
    <message>
        <source>No verdict on deal length: too few closed deals ({before} before, {after} after; {needed} needed in each window): {moved}.</source>
        <translation>Nincs ítélet az ügylet hosszáról: túl kevés a lezárt ügylet (előtte {before}, utána {after}; mindkét ablakban {needed} szükséges): {moved}.</translation>
    </message>
    <message>
        <source>No verdict on deal length: too few closed deals.</source>
        <translation>Nincs ítélet az ügylet hosszáról: túl kevés a lezárt ügylet.</translation>
    </message>
    <message>
        <source>Deals got shorter after the change: {moved}.</source>
        <translation>Az ügyletek rövidebbek lettek a változás után: {moved}.</translation>
    </message>
    <message>
        <source>Deals got longer after the change: {moved}.</source>
        <translation>Az ügyletek hosszabbak lettek a változás után: {moved}.</translation>
    </message>
    <message>
        <source>No verdict on deal length: {moved}; the likely range includes no change.</source>
        <translation>Nincs ítélet az ügylet hosszáról: {moved}; a valószínű tartományba a változatlanság is beletartozik.</translation>
    </message>
    <message>
        <source>No verdict on deal length: the likely range includes no change.</source>
        <translation>Nincs ítélet az ügylet hosszáról: a valószínű tartományba a változatlanság is beletartozik.</translation>
    </message>
    <message>
        <source>A touchpoint needs a name.</source>
        <translation>Az érintkezési pontnak nevet kell adni.</translation>
    </message>
    <message>
        <source>The name is too long (at most 200 characters).</source>
        <translation>A név túl hosszú (legfeljebb 200 karakter lehet).</translation>
    </message>
    <message>
        <source>There is a touchpoint called {name} already.</source>
        <translation>Már van {name} nevű érintkezési pont.</translation>
    </message>
    <message>
        <source>That touchpoint no longer exists.</source>
        <translation>Ez az érintkezési pont már nem létezik.</translation>
    </message>
    <message>
        <source>The touchpoint has changes logged: retire it instead.</source>
        <translation>Az érintkezési ponthoz már rögzítettek változásokat: inkább vezesse ki.</translation>
    </message>
    <message>
        <source>There is no touchpoint called {name}.</source>
        <translation>Nincs {name} nevű érintkezési pont.</translation>
    </message>
    <message>
        <source>That change no longer exists.</source>
        <translation>Ez a változás már nem létezik.</translation>
    </message>
</context>
<context>
    <name>TouchpointsPage</name>
    <message>
        <source>All touchpoints</source>
        <translation>Minden érintkezési pont</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hozzáadás…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Átnevezés…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Kivezetés</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Érintkezési pontok</translation>
    </message>
    <message>
        <source>Touchpoint changes</source>
        <translation>Érintkezési pontok változásai</translation>
    </message>
    <message>
        <source>&amp;Record Change…</source>
        <translation>Változás &amp;rögzítése…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Szerkesztés…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Törlés</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Változások</translation>
    </message>
    <message>
        <source>Length of the windows before and after</source>
        <translation>Az előtte és utána vizsgált időablakok hossza</translation>
    </message>
    <message>
        <source>days</source>
        <translation>nap</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagram exportálása…</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>Előtte és utána</translation>
    </message>
    <message>
        <source>Windows of</source>
        <translation>Ablakok hossza:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changes — {touchpoint}&lt;/b&gt; ({count})</source>
        <translation>&lt;b&gt;Változások — {touchpoint}&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changes — all&lt;/b&gt; ({count})</source>
        <translation>&lt;b&gt;Változások — mind&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <source>Record a change (Record Change…) to compare conversion and deal length before and after it.</source>
        <translation>Rögzítsen egy változást (Változás rögzítése…), hogy összevethesse a konverziót és az ügylet hosszát előtte és utána.</translation>
    </message>
    <message>
        <source>Select a change.</source>
        <translation>Válasszon ki egy változást.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Counting the deals…&lt;/i&gt;</source>
        <translation>&lt;i&gt;Ügyletek számolása…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{change}&lt;/b&gt;&lt;br&gt;The change is in the future: there is nothing after it yet.</source>
        <translation>&lt;b&gt;{change}&lt;/b&gt;&lt;br&gt;A változás a jövőben van: utána még nincs mit vizsgálni.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;The change was {days} days ago: both windows are shortened to {days} days.&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;A változás {days} napja történt: mindkét ablak {days} naposra rövidül.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=&apos;2&apos; cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Before&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;After&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;{before_from} – {before_to}&lt;/td&gt;&lt;td&gt;{after_from} – {after_to}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Conversion&lt;/td&gt;&lt;td&gt;{before_conversion}&lt;/td&gt;&lt;td&gt;{after_conversion}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Deal length&lt;/td&gt;&lt;td&gt;{before_length}&lt;/td&gt;&lt;td&gt;{after_length}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=&apos;2&apos; cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Előtte&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Utána&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;{before_from} – {before_to}&lt;/td&gt;&lt;td&gt;{after_from} – {after_to}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Konverzió&lt;/td&gt;&lt;td&gt;{before_conversion}&lt;/td&gt;&lt;td&gt;{after_conversion}&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ügylet hossza&lt;/td&gt;&lt;td&gt;{before_length}&lt;/td&gt;&lt;td&gt;{after_length}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Bring Back</source>
        <translation>Visszahozás</translation>
    </message>
    <message>
        <source>Add touchpoint</source>
        <translation>Érintkezési pont hozzáadása</translation>
    </message>
    <message>
        <source>Name of the touchpoint:</source>
        <translation>Az érintkezési pont neve:</translation>
    </message>
    <message>
        <source>Rename touchpoint</source>
        <translation>Érintkezési pont átnevezése</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Új név:</translation>
    </message>
    <message>
        <source>Delete change</source>
        <translation>Változás törlése</translation>
    </message>
    <message>
        <source>Delete “{change}”? (Edit ▸ Undo brings it back.)</source>
        <translation>Törli ezt: „{change}”? (A Szerkesztés ▸ Visszavonás visszahozza.)</translation>
    </message>
</context>
<context>
    <name>TouchpointsView</name>
    <message>
        <source>{name} (retired)</source>
        <translation>{name} (kivezetve)</translation>
    </message>
    <message>
        <source>the whole business</source>
        <translation>a teljes vállalkozás</translation>
    </message>
    <message>
        <source>({low}–{high} d)</source>
        <translation>({low}–{high} nap)</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Monthly trend of conversion and deal length</source>
        <translation>A konverzió és az ügylethossz havi trendje</translation>
    </message>
    <message>
        <source>Dashed lines: touchpoint changes (Customers tab).</source>
        <translation>Szaggatott vonalak: érintkezési pontok változásai (Ügyfelek lap).</translation>
    </message>
    <message>
        <source>Per month of close (for deals started in the period: of first contact): conversion = won ÷ (won + lost) with its likely range, a 95 % Wilson interval (hollow points: too few to judge); average deal length = sum of days from first contact to close ÷ closed deals. n = {count} decided deals over {months} months.</source>
        <translation>A lezárás hónapja szerint (az időszakban indult ügyleteknél az első kapcsolatfelvételé szerint): konverzió = megnyert ÷ (megnyert + elvesztett) a valószínű tartománnyal, ami 95 %-os Wilson-intervallum (üres pontok: túl kevés az ítélethez); átlagos ügylethossz = az első kapcsolatfelvételtől a lezárásig eltelt napok összege ÷ lezárt ügyletek. n = {count} lezárt ügylet {months} hónap alatt.</translation>
    </message>
    <message>
        <source>No closed deals in this slice</source>
        <translation>Ebben a bontásban nincs lezárt ügylet</translation>
    </message>
    <message>
        <source>Conversion (%)</source>
        <translation>Konverzió (%)</translation>
    </message>
    <message>
        <source>Avg deal length (days)</source>
        <translation>Átl. ügylethossz (nap)</translation>
    </message>
    <message>
        <source>Change: {change}</source>
        <translation>Változás: {change}</translation>
    </message>
    <message>
        <source>{month}: no decided deals</source>
        <translation>{month}: nincs lezárt ügylet</translation>
    </message>
    <message>
        <source>{month}: conversion {conversion} ({interval}), n = {count}, too few to judge</source>
        <translation>{month}: konverzió {conversion} ({interval}), n = {count}, túl kevés az ítélethez</translation>
    </message>
    <message>
        <source>{month}: conversion {conversion} ({interval}), n = {count}</source>
        <translation>{month}: konverzió {conversion} ({interval}), n = {count}</translation>
    </message>
    <message>
        <source>average deal length {days}</source>
        <translation>átlagos ügylethossz {days}</translation>
    </message>
    <message>
        <source>all months: {conversion}, {days} average</source>
        <translation>összes hónap: {conversion}, átlag {days}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{field} is too long (at most {limit} characters).</source>
        <translation>{field}: túl hosszú (legfeljebb {limit} karakter lehet).</translation>
    </message>
    <message>
        <source>A deal needs a title.</source>
        <translation>Az ügyletnek meg kell adni a megnevezését.</translation>
    </message>
    <message>
        <source>The title is too long (at most {limit} characters).</source>
        <translation>A megnevezés túl hosszú (legfeljebb {limit} karakter lehet).</translation>
    </message>
    <message>
        <source>Unknown currency &apos;{code}&apos;: use a three-letter code like EUR.</source>
        <translation>Ismeretlen pénznem: „{code}”. Háromjegyű kódot adjon meg, például EUR.</translation>
    </message>
    <message>
        <source>A won deal without a close date; it counts in conversion, not in deal length.</source>
        <translation>Lezárás dátuma nélküli megnyert ügylet: a konverzióba beszámít, az ügylet hosszába nem.</translation>
    </message>
    <message>
        <source>A lost deal without a close date; it counts in conversion, not in deal length.</source>
        <translation>Lezárás dátuma nélküli elvesztett ügylet: a konverzióba beszámít, az ügylet hosszába nem.</translation>
    </message>
    <message>
        <source>A won deal needs the date it closed.</source>
        <translation>A megnyert ügyletnek meg kell adni a lezárás dátumát.</translation>
    </message>
    <message>
        <source>A lost deal needs the date it closed.</source>
        <translation>Az elvesztett ügyletnek meg kell adni a lezárás dátumát.</translation>
    </message>
    <message>
        <source>A won deal without a first-contact date; it counts in conversion, not in deal length.</source>
        <translation>Első kapcsolatfelvételi dátum nélküli megnyert ügylet: a konverzióba beszámít, az ügylet hosszába nem.</translation>
    </message>
    <message>
        <source>A lost deal without a first-contact date; it counts in conversion, not in deal length.</source>
        <translation>Első kapcsolatfelvételi dátum nélküli elvesztett ügylet: a konverzióba beszámít, az ügylet hosszába nem.</translation>
    </message>
    <message>
        <source>A won deal needs its first-contact date.</source>
        <translation>A megnyert ügyletnek meg kell adni az első kapcsolatfelvétel dátumát.</translation>
    </message>
    <message>
        <source>A lost deal needs its first-contact date.</source>
        <translation>Az elvesztett ügyletnek meg kell adni az első kapcsolatfelvétel dátumát.</translation>
    </message>
    <message>
        <source>An open deal has no close date: set the outcome to won or lost, or clear the date.</source>
        <translation>Nyitott ügyletnek nincs lezárási dátuma: állítsa az eredményt megnyertre vagy elvesztettre, vagy törölje a dátumot.</translation>
    </message>
    <message>
        <source>The close date is before the first contact.</source>
        <translation>A lezárás dátuma korábbi, mint az első kapcsolatfelvétel.</translation>
    </message>
    <message>
        <source>The expected close is before the first contact.</source>
        <translation>A várható lezárás korábbi, mint az első kapcsolatfelvétel.</translation>
    </message>
    <message>
        <source>Why was it lost? The reason helps find what to improve.</source>
        <translation>Miért veszett el? Az ok segít megtalálni, min érdemes javítani.</translation>
    </message>
    <message>
        <source>Only a lost deal has a lost reason.</source>
        <translation>Elvesztési oka csak elvesztett ügyletnek lehet.</translation>
    </message>
    <message>
        <source>Only a lost deal has lost-reason details.</source>
        <translation>Az elvesztés részleteit csak elvesztett ügyletnél lehet megadni.</translation>
    </message>
    <message>
        <source>Contains characters that cannot be stored; retype the text.</source>
        <translation>Olyan karaktereket tartalmaz, amelyek nem tárolhatók; gépelje be újra a szöveget.</translation>
    </message>
    <message>
        <source>Choose open, won or lost.</source>
        <translation>Válasszon: nyitott, megnyert vagy elvesztett.</translation>
    </message>
    <message>
        <source>Choose automatic, new or current.</source>
        <translation>Válasszon: automatikus, új vagy meglévő.</translation>
    </message>
</context>
<context>
    <name>WatchModel</name>
    <message>
        <source>Dimension</source>
        <translation>Szempont</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Érték</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Mutató</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Eredmény</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Viszonyítás</translation>
    </message>
    <message>
        <source>Likely range</source>
        <translation>Valószínű tartomány</translation>
    </message>
    <message>
        <source>Why not ranked</source>
        <translation>Miért nincs rangsorolva</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Konverzió</translation>
    </message>
    <message>
        <source>Deal length</source>
        <translation>Ügylet hossza</translation>
    </message>
    <message>
        <source>Too few deals</source>
        <translation>Túl kevés ügylet</translation>
    </message>
    <message>
        <source>Interval includes the reference</source>
        <translation>Az intervallum tartalmazza a viszonyítási alapot</translation>
    </message>
</context>
<context>
    <name>WriterLock</name>
    <message>
        <source>The lock file beside {name} cannot be written: {reason}.</source>
        <translation>A(z) {name} melletti zárolási fájl nem írható: {reason}.</translation>
    </message>
    <message>
        <source>Cannot create the lock file beside {name}.</source>
        <translation>A(z) {name} melletti zárolási fájl nem hozható létre.</translation>
    </message>
</context>
</TS>
