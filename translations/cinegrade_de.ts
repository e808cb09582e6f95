<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>cg::GradePanel</name>
    <message>
        <source>Exposure and balance</source>
        <translation>Belichtung und Weißabgleich</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Belichtung</translation>
    </message>
    <message>
        <source>Exposure in stops, applied in linear light</source>
        <translation>Belichtung in Blendenstufen, im linearen Licht angewandt</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Colour temperature: negative is cooler (blue), positive warmer (orange)</source>
        <translation>Farbtemperatur: negativ ist kühler (blau), positiv wärmer (orange)</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>Tönung</translation>
    </message>
    <message>
        <source>Tint: negative is green, positive magenta</source>
        <translation>Tönung: negativ ist grün, positiv magenta</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonwerte</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Contrast around the pivot (1 = unchanged)</source>
        <translation>Kontrast um den Drehpunkt (1 = unverändert)</translation>
    </message>
    <message>
        <source>Pivot</source>
        <translation>Drehpunkt</translation>
    </message>
    <message>
        <source>Code value that contrast leaves unchanged</source>
        <translation>Codewert, den der Kontrast unverändert lässt</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <source>Saturation, preserving luma (1 = unchanged, 0 = monochrome)</source>
        <translation>Sättigung bei gleichbleibender Luma (1 = unverändert, 0 = monochrom)</translation>
    </message>
    <message>
        <source>Primaries (master)</source>
        <translation>Primärkorrektur (Master)</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Raises or lowers the blacks, leaving white in place</source>
        <translation>Hebt oder senkt die Schwarztöne, Weiß bleibt an seinem Platz</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Brightens or darkens the midtones (1 = unchanged)</source>
        <translation>Hellt die Mitteltöne auf oder dunkelt sie ab (1 = unverändert)</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <source>Scales the whites, leaving black in place (1 = unchanged)</source>
        <translation>Skaliert die Weißtöne, Schwarz bleibt an seinem Platz (1 = unverändert)</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Shifts every level up or down by the same amount</source>
        <translation>Verschiebt alle Werte um denselben Betrag nach oben oder unten</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Look</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Load a .cube look LUT, applied after the grade</source>
        <translation>Eine .cube-Look-LUT laden, die nach der Korrektur angewandt wird</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove look LUT</source>
        <translation>Look-LUT entfernen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>(untitled LUT)</source>
        <translation>(unbenannte LUT)</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
</context>
<context>
    <name>cg::MainWindow</name>
    <message>
        <source>Cannot render the preview</source>
        <translation>Die Vorschau kann nicht berechnet werden</translation>
    </message>
    <message>
        <source>&amp;Open Image or Project…</source>
        <translation>Bild oder Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export Graded Image…</source>
        <translation>Korrigiertes Bild &amp;exportieren…</translation>
    </message>
    <message>
        <source>Load &amp;Look LUT…</source>
        <translation>&amp;Look-LUT laden…</translation>
    </message>
    <message>
        <source>Export Grade as .&amp;cube…</source>
        <translation>Korrektur als .&amp;cube exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Reset &amp;Grade</source>
        <translation>&amp;Korrektur zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Graded (After)</source>
        <translation>&amp;Korrigiert (Nachher)</translation>
    </message>
    <message>
        <source>&amp;Original (Before)</source>
        <translation>&amp;Original (Vorher)</translation>
    </message>
    <message>
        <source>&amp;Split Wipe</source>
        <translation>&amp;Geteilte Ansicht</translation>
    </message>
    <message>
        <source>Side &amp;by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Toggle Before/After</source>
        <translation>&amp;Vorher/Nachher umschalten</translation>
    </message>
    <message>
        <source>Before/After Split</source>
        <translation>Vorher/Nachher geteilt</translation>
    </message>
    <message>
        <source>Compare the original (left) with the grade (right); drag the line</source>
        <translation>Original (links) mit der Korrektur (rechts) vergleichen; die Linie lässt sich ziehen</translation>
    </message>
    <message>
        <source>&amp;Previous Clip</source>
        <translation>V&amp;origer Clip</translation>
    </message>
    <message>
        <source>Cannot open the clip</source>
        <translation>Der Clip kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;Next Clip</source>
        <translation>Nä&amp;chster Clip</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Cinegrade</source>
        <translation>Ü&amp;ber Cinegrade</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Messanzeigen</translation>
    </message>
    <message>
        <source>Time to compile the grade and render the preview</source>
        <translation>Zeit, um die Korrektur zu kompilieren und die Vorschau zu berechnen</translation>
    </message>
    <message>
        <source>Preview %1 ms</source>
        <translation>Vorschau %1 ms</translation>
    </message>
    <message>
        <source>Clip %1 of %2: %3</source>
        <translation>Clip %1 von %2: %3</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>32-bit float</source>
        <translation>32 Bit Gleitkomma</translation>
    </message>
    <message>
        <source>%1-bit</source>
        <translation>%1 Bit</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The project “%1” has changes that are not saved. Save them first?</source>
        <translation>Das Projekt „%1“ hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>Opened the project; the other files were not added.</source>
        <translation>Das Projekt wurde geöffnet; die übrigen Dateien wurden nicht hinzugefügt.</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Das Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>There is no image to export.</source>
        <translation>Es gibt kein Bild zum Exportieren.</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>%1: the export would overwrite its own source image.</source>
        <translation>%1: Der Export würde sein eigenes Quellbild überschreiben.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Exportieren nicht möglich</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Cannot load the look LUT</source>
        <translation>Die Look-LUT kann nicht geladen werden</translation>
    </message>
    <message>
        <source>Load look %1</source>
        <translation>Look %1 laden</translation>
    </message>
    <message>
        <source>Cannot export the LUT</source>
        <translation>Die LUT kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Reset grade</source>
        <translation>Korrektur zurücksetzen</translation>
    </message>
    <message>
        <source>Images and projects (%1 *.cgproj)</source>
        <translation>Bilder und Projekte (%1 *.cgproj)</translation>
    </message>
    <message>
        <source>Cinegrade projects (*.cgproj)</source>
        <translation>Cinegrade-Projekte (*.cgproj)</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Image or Project</source>
        <translation>Bild oder Projekt öffnen</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>TIFF image (*.tif *.tiff)</source>
        <translation>TIFF-Bild (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg)</source>
        <translation>JPEG-Bild (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Export Graded Image</source>
        <translation>Korrigiertes Bild exportieren</translation>
    </message>
    <message>
        <source>Load Look LUT</source>
        <translation>Look-LUT laden</translation>
    </message>
    <message>
        <source>Cube LUTs (*.cube)</source>
        <translation>Cube-LUTs (*.cube)</translation>
    </message>
    <message>
        <source>Export Grade as .cube</source>
        <translation>Korrektur als .cube exportieren</translation>
    </message>
    <message>
        <source>About Cinegrade</source>
        <translation>Über Cinegrade</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cinegrade %1&lt;/h3&gt;&lt;p&gt;Colour grading for stills and video: primaries, look LUTs, scopes and before/after comparison, with one evaluation path for viewer and export.&lt;/p&gt;&lt;p&gt;Built with Qt %2, FFmpeg, OpenColorIO and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cinegrade %1&lt;/h3&gt;&lt;p&gt;Farbkorrektur für Standbilder und Video: Primärkorrektur, Look-LUTs, Messanzeigen und Vorher/Nachher-Vergleich, mit einem einzigen Berechnungsweg für Anzeige und Export.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, FFmpeg, OpenColorIO und QCustomPlot.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open an image or a project</source>
        <translation>Ein Bild oder ein Projekt öffnen</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>Das Projekt speichern</translation>
    </message>
    <message>
        <source>Export the graded image at full resolution</source>
        <translation>Das korrigierte Bild in voller Auflösung exportieren</translation>
    </message>
    <message>
        <source>Load a .cube look LUT, applied after the grade</source>
        <translation>Eine .cube-Look-LUT laden, die nach der Korrektur angewandt wird</translation>
    </message>
    <message>
        <source>Reset every control of the grade</source>
        <translation>Alle Regler der Korrektur zurücksetzen</translation>
    </message>
</context>
<context>
    <name>cg::ProjectSession</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Rec.709</source>
        <translation>Rec.709</translation>
    </message>
    <message>
        <source>working space</source>
        <translation>Arbeitsfarbraum</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>cg::ScopesPanel</name>
    <message>
        <source>Waveform · Luma</source>
        <translation>Wellenform · Luma</translation>
    </message>
    <message>
        <source>Histogram · RGB</source>
        <translation>Histogramm · RGB</translation>
    </message>
</context>
<context>
    <name>cg::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>Maus</translation>
    </message>
    <message>
        <source>Reset one control</source>
        <translation>Einen Regler zurücksetzen</translation>
    </message>
    <message>
        <source>Double-click its name or slider</source>
        <translation>Doppelklick auf seinen Namen oder Schieberegler</translation>
    </message>
    <message>
        <source>Move the wipe (split view)</source>
        <translation>Trennlinie verschieben (geteilte Ansicht)</translation>
    </message>
    <message>
        <source>Drag in the picture</source>
        <translation>Im Bild ziehen</translation>
    </message>
    <message>
        <source>Open a file</source>
        <translation>Eine Datei öffnen</translation>
    </message>
    <message>
        <source>Drop it on the window</source>
        <translation>Auf das Fenster ziehen</translation>
    </message>
</context>
<context>
    <name>cg::Viewer</name>
    <message>
        <source>Open an image or a project to start grading</source>
        <translation>Öffnen Sie ein Bild oder ein Projekt, um mit der Korrektur zu beginnen</translation>
    </message>
    <message>
        <source>File ▸ Open (Ctrl+O), or drop a file here</source>
        <translation>Datei ▸ Öffnen (Strg+O), oder eine Datei hierher ziehen</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>no translation for “%1”; using English</source>
        <translation>keine Übersetzung für „%1“; Englisch wird verwendet</translation>
    </message>
    <message>
        <source>Cinegrade colour grading</source>
        <translation>Cinegrade-Farbkorrektur</translation>
    </message>
    <message>
        <source>Render the main window to a PNG file once the preview and scopes are ready, then exit.</source>
        <translation>Das Hauptfenster als PNG-Datei speichern, sobald Vorschau und Messanzeigen fertig sind, dann beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>User-interface language, e.g. de.</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>A project (.cgproj) or images to open.</source>
        <translation>Ein Projekt (.cgproj) oder Bilder zum Öffnen.</translation>
    </message>
    <message>
        <source>the preview did not finish within 60 s</source>
        <translation>die Vorschau wurde nicht innerhalb von 60 s fertig</translation>
    </message>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>das Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
</context>
</TS>
