<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Suggestions</name>
    <message>
        <source>No %1 error</source>
        <translation>Kein Fehler bei %1</translation>
    </message>
    <message>
        <source>Image is overexposed</source>
        <translation>Bild ist überbelichtet</translation>
    </message>
    <message>
        <source>Image is underexposed</source>
        <translation>Bild ist unterbelichtet</translation>
    </message>
    <message>
        <source>Blacks are raised (milky)</source>
        <translation>Schwarz ist angehoben (milchig)</translation>
    </message>
    <message>
        <source>Blacks are crushed</source>
        <translation>Schwarz ist abgeschnitten (zugelaufen)</translation>
    </message>
    <message>
        <source>Highlights are clipped (white point too high)</source>
        <translation>Lichter sind abgeschnitten (Weißpunkt zu hoch)</translation>
    </message>
    <message>
        <source>Highlights are dull (white point too low)</source>
        <translation>Lichter sind stumpf (Weißpunkt zu niedrig)</translation>
    </message>
    <message>
        <source>Contrast is too high</source>
        <translation>Kontrast ist zu hoch</translation>
    </message>
    <message>
        <source>Contrast is too low (flat)</source>
        <translation>Kontrast ist zu niedrig (flau)</translation>
    </message>
    <message>
        <source>Colours are oversaturated</source>
        <translation>Farben sind übersättigt</translation>
    </message>
    <message>
        <source>Colours are undersaturated</source>
        <translation>Farben sind zu blass</translation>
    </message>
    <message>
        <source>Image is too warm (orange)</source>
        <translation>Bild ist zu warm (orange)</translation>
    </message>
    <message>
        <source>Image is too cool (blue)</source>
        <translation>Bild ist zu kalt (blau)</translation>
    </message>
    <message>
        <source>Image is too magenta</source>
        <translation>Bild ist zu magenta</translation>
    </message>
    <message>
        <source>Image is too green</source>
        <translation>Bild ist zu grün</translation>
    </message>
    <message>
        <source>%1 (about %2 %)</source>
        <translation>%1 (etwa %2 %)</translation>
    </message>
</context>
<context>
    <name>cg::ColorWheel</name>
    <message>
        <source>Reset %1 (balance and master)</source>
        <translation>%1 zurücksetzen (Balance und Master)</translation>
    </message>
    <message>
        <source>%1 colour balance: drag to push the colour (Shift: fine), double-click to reset</source>
        <translation>%1-Farbbalance: ziehen, um die Farbe zu verschieben (Umschalt: fein), Doppelklick setzt zurück</translation>
    </message>
</context>
<context>
    <name>cg::CurvesEditor</name>
    <message>
        <source>Add curve point</source>
        <translation>Kurvenpunkt hinzufügen</translation>
    </message>
    <message>
        <source>Move curve point</source>
        <translation>Kurvenpunkt verschieben</translation>
    </message>
    <message>
        <source>Reset curve</source>
        <translation>Kurve zurücksetzen</translation>
    </message>
    <message>
        <source>Delete curve point</source>
        <translation>Kurvenpunkt löschen</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>Master curve (all channels)</source>
        <translation>Master-Kurve (alle Kanäle)</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Red curve</source>
        <translation>Rot-Kurve</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>Green curve</source>
        <translation>Grün-Kurve</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Blue curve</source>
        <translation>Blau-Kurve</translation>
    </message>
    <message>
        <source>Reset all curves</source>
        <translation>Alle Kurven zurücksetzen</translation>
    </message>
    <message>
        <source>Reset curves</source>
        <translation>Kurven zurücksetzen</translation>
    </message>
</context>
<context>
    <name>cg::ExportDialog</name>
    <message>
        <source>H.264 MP4</source>
        <translation>H.264 MP4</translation>
    </message>
    <message>
        <source>ProRes 422 LT</source>
        <translation>ProRes 422 LT</translation>
    </message>
    <message>
        <source>ProRes 422</source>
        <translation>ProRes 422</translation>
    </message>
    <message>
        <source>ProRes 422 HQ</source>
        <translation>ProRes 422 HQ</translation>
    </message>
    <message>
        <source>ProRes 4444</source>
        <translation>ProRes 4444</translation>
    </message>
    <message>
        <source>Export Graded Clip</source>
        <translation>Korrigierten Clip exportieren</translation>
    </message>
    <message>
        <source>Constant rate factor of H.264: lower is better quality and larger files (18 is visually lossless)</source>
        <translation>Konstanter Ratenfaktor von H.264: kleiner ergibt bessere Qualität und größere Dateien (18 ist visuell verlustfrei)</translation>
    </message>
    <message>
        <source>Quality (CRF)</source>
        <translation>Qualität (CRF)</translation>
    </message>
    <message>
        <source>Whole clip</source>
        <translation>Ganzer Clip</translation>
    </message>
    <message>
        <source>In to out</source>
        <translation>In bis Out</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Include the clip&apos;s audio</source>
        <translation>Ton des Clips mitnehmen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this window; a running export goes on in the background</source>
        <translation>Dieses Fenster schließen; ein laufender Export geht im Hintergrund weiter</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>%1 of %2 frames</source>
        <translation>%1 von %2 Bildern</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2 (%n frames)</source>
        <translation>
            <numerusform>%1 – %2 (%n Bild)</numerusform>
            <numerusform>%1 – %2 (%n Bilder)</numerusform>
        </translation>
    </message>
    <message>
        <source>no in/out marks (I and O set them)</source>
        <translation>keine In/Out-Marken (I und O setzen sie)</translation>
    </message>
    <message>
        <source>Ready to export “%1”.</source>
        <translation>Bereit, „%1“ zu exportieren.</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>QuickTime movie (*.mov)</source>
        <translation>QuickTime-Film (*.mov)</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>There is no video clip to export.</source>
        <translation>Es gibt keinen Videoclip zum Exportieren.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>%1 is the clip itself; choose another file name.</source>
        <translation>%1 ist der Clip selbst; wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist; choose another place.</source>
        <translation>Den Ordner %1 gibt es nicht; wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportiere nach %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Exported %1 in %2.</source>
        <translation>%1 in %2 exportiert.</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>cg::GradePanel</name>
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
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
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
    <message>
        <source>Lift master: raises or lowers the blacks, leaving white in place</source>
        <translation>Lift-Master: hebt oder senkt die Schwärzen, Weiß bleibt</translation>
    </message>
    <message>
        <source>Gamma master: brightens or darkens the midtones (1 = unchanged)</source>
        <translation>Gamma-Master: hellt die Mitteltöne auf oder dunkelt sie ab (1 = unverändert)</translation>
    </message>
    <message>
        <source>Gain master: scales the whites, leaving black in place (1 = unchanged)</source>
        <translation>Gain-Master: skaliert die Lichter, Schwarz bleibt (1 = unverändert)</translation>
    </message>
    <message>
        <source>Offset master: shifts every level up or down by the same amount</source>
        <translation>Offset-Master: verschiebt alle Stufen gleich weit nach oben oder unten</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Regler</translation>
    </message>
    <message>
        <source>Look and colour management</source>
        <translation>Look und Farbmanagement</translation>
    </message>
    <message>
        <source>Look LUT</source>
        <translation>Look-LUT</translation>
    </message>
    <message>
        <source>Import CDL…</source>
        <translation>CDL importieren…</translation>
    </message>
    <message>
        <source>Set the primaries from an ASC CDL file (.cdl, .cc, .ccc)</source>
        <translation>Primärkorrektur aus einer ASC-CDL-Datei setzen (.cdl, .cc, .ccc)</translation>
    </message>
    <message>
        <source>Export CDL…</source>
        <translation>CDL exportieren…</translation>
    </message>
    <message>
        <source>Write the primaries as an ASC CDL file</source>
        <translation>Primärkorrektur als ASC-CDL-Datei schreiben</translation>
    </message>
    <message>
        <source>Export .cube…</source>
        <translation>.cube exportieren…</translation>
    </message>
    <message>
        <source>Write the whole grade as a 33-point .cube LUT for other tools</source>
        <translation>Die ganze Korrektur als .cube-LUT mit 33 Stützstellen für andere Programme schreiben</translation>
    </message>
    <message>
        <source>Input space</source>
        <translation>Eingangsfarbraum</translation>
    </message>
    <message>
        <source>The OpenColorIO colour space the clip was recorded in</source>
        <translation>Der OpenColorIO-Farbraum, in dem der Clip aufgenommen wurde</translation>
    </message>
    <message>
        <source>Project working space</source>
        <translation>Arbeitsfarbraum des Projekts</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (unbekannt)</translation>
    </message>
</context>
<context>
    <name>cg::MainWindow</name>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Load &amp;Look LUT…</source>
        <translation>&amp;Look-LUT laden…</translation>
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
        <source>Scopes</source>
        <translation>Messanzeigen</translation>
    </message>
    <message>
        <source>Clip %1 of %2: %3</source>
        <translation>Clip %1 von %2: %3</translation>
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
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
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
        <source>Cinegrade projects (*.cgproj)</source>
        <translation>Cinegrade-Projekte (*.cgproj)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
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
        <source>Save the project</source>
        <translation>Das Projekt speichern</translation>
    </message>
    <message>
        <source>Load a .cube look LUT, applied after the grade</source>
        <translation>Eine .cube-Look-LUT laden, die nach der Korrektur angewandt wird</translation>
    </message>
    <message>
        <source>Reset every control of the grade</source>
        <translation>Alle Regler der Korrektur zurücksetzen</translation>
    </message>
    <message>
        <source>Cannot show the frame</source>
        <translation>Das Bild kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>Start an empty project</source>
        <translation>Ein leeres Projekt beginnen</translation>
    </message>
    <message>
        <source>&amp;Open Project or Media…</source>
        <translation>Projekt oder Medien &amp;öffnen…</translation>
    </message>
    <message>
        <source>Open a project, or clips as a new project</source>
        <translation>Ein Projekt öffnen, oder Clips als neues Projekt</translation>
    </message>
    <message>
        <source>&amp;Import Media…</source>
        <translation>Medien &amp;importieren…</translation>
    </message>
    <message>
        <source>Add video clips or stills to the project</source>
        <translation>Videoclips oder Standbilder zum Projekt hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Export Clip…</source>
        <translation>Clip &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the graded clip (H.264 or ProRes) in the background</source>
        <translation>Den korrigierten Clip (H.264 oder ProRes) im Hintergrund exportieren</translation>
    </message>
    <message>
        <source>Export Graded &amp;Frame…</source>
        <translation>Korrigiertes &amp;Bild exportieren…</translation>
    </message>
    <message>
        <source>Export the graded frame at full resolution as an image</source>
        <translation>Das korrigierte Bild in voller Auflösung als Bilddatei exportieren</translation>
    </message>
    <message>
        <source>Import ASC &amp;CDL…</source>
        <translation>ASC-&amp;CDL importieren…</translation>
    </message>
    <message>
        <source>Set the primaries from an ASC CDL file</source>
        <translation>Primärkorrektur aus einer ASC-CDL-Datei setzen</translation>
    </message>
    <message>
        <source>Export ASC C&amp;DL…</source>
        <translation>ASC-C&amp;DL exportieren…</translation>
    </message>
    <message>
        <source>Export Grade as .c&amp;ube…</source>
        <translation>Korrektur als .c&amp;ube exportieren…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Language, autosave, playback</source>
        <translation>Sprache, automatisches Sichern, Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Copy Grade</source>
        <translation>Korrektur &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the grade of the current clip</source>
        <translation>Die Korrektur des aktuellen Clips kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste Grade</source>
        <translation>Korrektur &amp;einfügen</translation>
    </message>
    <message>
        <source>Paste the copied grade onto the selected clips</source>
        <translation>Die kopierte Korrektur auf die ausgewählten Clips übertragen</translation>
    </message>
    <message>
        <source>Mark &amp;In</source>
        <translation>&amp;In-Punkt setzen</translation>
    </message>
    <message>
        <source>Mark &amp;Out</source>
        <translation>&amp;Out-Punkt setzen</translation>
    </message>
    <message>
        <source>Clear In and Out</source>
        <translation>In und Out löschen</translation>
    </message>
    <message>
        <source>Re&amp;link Media…</source>
        <translation>Medien neu &amp;verknüpfen…</translation>
    </message>
    <message>
        <source>Point the clip at its media file after it moved</source>
        <translation>Den Clip auf seine verschobene Mediendatei verweisen</translation>
    </message>
    <message>
        <source>Re&amp;move Clip</source>
        <translation>Clip &amp;entfernen</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;100 %</source>
        <translation>Zoom &amp;100 %</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom O&amp;ut</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>&amp;Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>Play &amp;Backwards (faster each press)</source>
        <translation>&amp;Rückwärts abspielen (jeder Druck schneller)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Play &amp;Forwards (faster each press)</source>
        <translation>&amp;Vorwärts abspielen (jeder Druck schneller)</translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>First Frame</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <source>Last Frame</source>
        <translation>Letztes Bild</translation>
    </message>
    <message>
        <source>Go to In</source>
        <translation>Zum In-Punkt</translation>
    </message>
    <message>
        <source>Go to Out</source>
        <translation>Zum Out-Punkt</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>&amp;Schleife</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>Clips</source>
        <translation>Clips</translation>
    </message>
    <message>
        <source>Primaries</source>
        <translation>Primärkorrektur</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>The clip being graded</source>
        <translation>Der Clip, der korrigiert wird</translation>
    </message>
    <message>
        <source>Picture size and bit depth of the source</source>
        <translation>Bildgröße und Bittiefe der Quelle</translation>
    </message>
    <message>
        <source>Frame and timecode of the playhead</source>
        <translation>Bild und Timecode des Abspielkopfs</translation>
    </message>
    <message>
        <source>Frame rate of the clip</source>
        <translation>Bildrate des Clips</translation>
    </message>
    <message>
        <source>Input colour space → working space, and the display / view</source>
        <translation>Eingangsfarbraum → Arbeitsfarbraum, und Display / Ansicht</translation>
    </message>
    <message>
        <source>Time to render the shown frame (decode, grade, scale)</source>
        <translation>Zeit zum Berechnen des gezeigten Bildes (Dekodieren, Korrigieren, Skalieren)</translation>
    </message>
    <message>
        <source>Render %1 ms</source>
        <translation>Berechnung %1 ms</translation>
    </message>
    <message>
        <source>Playing at half resolution to keep up with the clip&apos;s frame rate</source>
        <translation>Wiedergabe in halber Auflösung, um die Bildrate des Clips zu halten</translation>
    </message>
    <message>
        <source>%1 × %2 · %3-bit</source>
        <translation>%1 × %2 · %3 Bit</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <source>Still</source>
        <translation>Standbild</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 ▸ %2</source>
        <translation>%1 ▸ %2</translation>
    </message>
    <message>
        <source>Frame 0</source>
        <translation>Bild 0</translation>
    </message>
    <message>
        <source>Frame %1 · %2</source>
        <translation>Bild %1 · %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Media missing</source>
        <translation>Medien fehlen</translation>
    </message>
    <message>
        <source>The media of clip “%1” is not where the project says:
%2

Find it now? Otherwise the clip stays offline (its grade is kept).</source>
        <translation>Die Medien des Clips „%1“ sind nicht dort, wo das Projekt sie erwartet:
%2

Jetzt suchen? Sonst bleibt der Clip offline (seine Korrektur bleibt erhalten).</translation>
    </message>
    <message>
        <source>Find “%1”</source>
        <translation>„%1“ suchen</translation>
    </message>
    <message>
        <source>Media (%1)</source>
        <translation>Medien (%1)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Ungesicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>Cinegrade did not close properly. Unsaved changes to “%1” from %2 were kept.

Recover them?</source>
        <translation>Cinegrade wurde nicht ordnungsgemäß beendet. Ungesicherte Änderungen an „%1“ vom %2 wurden aufbewahrt.

Wiederherstellen?</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n clip(s)</source>
        <translation>
            <numerusform>%n Clip importiert</numerusform>
            <numerusform>%n Clips importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no picture to export.</source>
        <translation>Es gibt kein Bild zum Exportieren.</translation>
    </message>
    <message>
        <source>%1: the export would overwrite its own source.</source>
        <translation>%1: Der Export würde seine eigene Quelle überschreiben.</translation>
    </message>
    <message>
        <source>%1: the file holds no colour correction.</source>
        <translation>%1: Die Datei enthält keine Farbkorrektur.</translation>
    </message>
    <message>
        <source>Cannot import the CDL</source>
        <translation>Die CDL kann nicht importiert werden</translation>
    </message>
    <message>
        <source>Import CDL %1</source>
        <translation>CDL %1 importieren</translation>
    </message>
    <message>
        <source>Applied the first of %1 corrections in %2</source>
        <translation>Die erste von %1 Korrekturen in %2 angewendet</translation>
    </message>
    <message>
        <source>Applied %1</source>
        <translation>%1 angewendet</translation>
    </message>
    <message>
        <source>Cannot export the CDL</source>
        <translation>Die CDL kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Exported %1; a CDL cannot hold: %2</source>
        <translation>%1 exportiert; eine CDL kann nicht enthalten: %2</translation>
    </message>
    <message>
        <source>Copied the grade of %1</source>
        <translation>Korrektur von %1 kopiert</translation>
    </message>
    <message>
        <source>Paste grade</source>
        <translation>Korrektur einfügen</translation>
    </message>
    <message numerus="yes">
        <source>Pasted the grade onto %n clip(s)</source>
        <translation>
            <numerusform>Korrektur auf %n Clip übertragen</numerusform>
            <numerusform>Korrektur auf %n Clips übertragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot relink</source>
        <translation>Neu verknüpfen nicht möglich</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Recovered unsaved work; save it to keep it.</source>
        <translation>Ungesicherte Arbeit wiederhergestellt; sichern Sie sie, um sie zu behalten.</translation>
    </message>
    <message>
        <source>Projects and media (*.cgproj %1)</source>
        <translation>Projekte und Medien (*.cgproj %1)</translation>
    </message>
    <message>
        <source>Open Project or Media</source>
        <translation>Projekt oder Medien öffnen</translation>
    </message>
    <message>
        <source>Import Media</source>
        <translation>Medien importieren</translation>
    </message>
    <message>
        <source>Export Graded Frame</source>
        <translation>Korrigiertes Bild exportieren</translation>
    </message>
    <message>
        <source>Import ASC CDL</source>
        <translation>ASC CDL importieren</translation>
    </message>
    <message>
        <source>ASC CDL (*.cdl *.cc *.ccc)</source>
        <translation>ASC CDL (*.cdl *.cc *.ccc)</translation>
    </message>
    <message>
        <source>Export ASC CDL</source>
        <translation>ASC CDL exportieren</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cinegrade %1&lt;/h3&gt;&lt;p&gt;Colour grading for video and stills: colour wheels, curves, look LUTs, ASC CDL, OpenColorIO colour management, scopes and before/after comparison, with one evaluation path for viewer and export.&lt;/p&gt;&lt;p&gt;Built with Qt %2, FFmpeg, OpenColorIO and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Cinegrade %1&lt;/h3&gt;&lt;p&gt;Farbkorrektur für Video und Standbilder: Farbräder, Kurven, Look-LUTs, ASC CDL, Farbmanagement mit OpenColorIO, Messinstrumente und Vorher/Nachher-Vergleich, mit einem einzigen Berechnungsweg für Vorschau und Export.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, FFmpeg, OpenColorIO und QCustomPlot.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Export running</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <source>An export is still running. Cancel it and quit?</source>
        <translation>Ein Export läuft noch. Abbrechen und beenden?</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Reading a clip to count its frames</source>
        <translation>Clip wird gelesen, um seine Bilder zu zählen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>Wird gelesen…</translation>
    </message>
</context>
<context>
    <name>cg::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes when Cinegrade starts the next time.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Cinegrade.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Unsaved changes are written to a recovery file this often</source>
        <translation>So oft werden ungesicherte Änderungen in eine Wiederherstellungsdatei geschrieben</translation>
    </message>
    <message>
        <source>Lower the preview resolution when playback cannot keep up</source>
        <translation>Vorschauauflösung senken, wenn die Wiedergabe nicht mithält</translation>
    </message>
    <message>
        <source>Restore Default Panel Layout</source>
        <translation>Standard-Anordnung der Bereiche wiederherstellen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>Automatisch sichern alle</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Careful: only findings the classifier is sure of</source>
        <translation>Vorsichtig: nur Befunde, bei denen sich der Klassifikator sicher ist</translation>
    </message>
    <message>
        <source>Bolder: corrects more, and is wrong more often</source>
        <translation>Mutiger: korrigiert mehr und irrt sich öfter</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Careful lists a finding from %1 % confidence on, bolder from %2 %. Bolder suggests nearly twice as many changes, and more of them are wrong</source>
        <translation>Vorsichtig zeigt einen Befund ab %1 % Sicherheit, mutiger ab %2 %. Mutiger schlägt fast doppelt so viele Änderungen vor, und mehr davon sind falsch</translation>
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
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message numerus="yes">
        <source>Import %n clips</source>
        <translation>
            <numerusform>%n Clip importieren</numerusform>
            <numerusform>%n Clips importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Set in and out of %1</source>
        <translation>In und Out von %1 setzen</translation>
    </message>
    <message>
        <source>Input colour space %1</source>
        <translation>Eingangsfarbraum %1</translation>
    </message>
    <message>
        <source>(project)</source>
        <translation>(Projekt)</translation>
    </message>
    <message>
        <source>Display %1 / %2</source>
        <translation>Display %1 / %2</translation>
    </message>
    <message>
        <source>Relink %1</source>
        <translation>%1 neu verknüpfen</translation>
    </message>
    <message>
        <source>%1: the file cannot be read</source>
        <translation>%1: Die Datei kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>cg::ScopesPanel</name>
    <message>
        <source>Waveform · Luma</source>
        <translation>Wellenform · Luma</translation>
    </message>
    <message>
        <source>%1-up</source>
        <translation>%1 Anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>Show %n scope(s)</source>
        <translation>
            <numerusform>%n Messinstrument zeigen</numerusform>
            <numerusform>%n Messinstrumente zeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Waveform · RGB</source>
        <translation>Waveform · RGB</translation>
    </message>
    <message>
        <source>RGB Parade</source>
        <translation>RGB-Parade</translation>
    </message>
    <message>
        <source>Vectorscope</source>
        <translation>Vektorskop</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>Histogramm</translation>
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
        <source>Push a colour balance</source>
        <translation>Farbbalance verschieben</translation>
    </message>
    <message>
        <source>Drag in a colour wheel (Shift: fine)</source>
        <translation>In einem Farbrad ziehen (Umschalt: fein)</translation>
    </message>
    <message>
        <source>Reset a colour balance</source>
        <translation>Farbbalance zurücksetzen</translation>
    </message>
    <message>
        <source>Double-click the wheel</source>
        <translation>Doppelklick auf das Farbrad</translation>
    </message>
    <message>
        <source>Add a curve point</source>
        <translation>Kurvenpunkt hinzufügen</translation>
    </message>
    <message>
        <source>Click on the curve</source>
        <translation>Auf die Kurve klicken</translation>
    </message>
    <message>
        <source>Remove a curve point</source>
        <translation>Kurvenpunkt entfernen</translation>
    </message>
    <message>
        <source>Right-click it, drag it off, or Delete</source>
        <translation>Rechtsklick, aus dem Feld ziehen oder Entf</translation>
    </message>
    <message>
        <source>Reset a curve</source>
        <translation>Kurve zurücksetzen</translation>
    </message>
    <message>
        <source>Double-click the curve editor</source>
        <translation>Doppelklick in den Kurveneditor</translation>
    </message>
    <message>
        <source>Zoom the picture</source>
        <translation>Bild zoomen</translation>
    </message>
    <message>
        <source>Mouse wheel over the picture</source>
        <translation>Mausrad über dem Bild</translation>
    </message>
    <message>
        <source>Pan the picture</source>
        <translation>Bild verschieben</translation>
    </message>
    <message>
        <source>Drag with the middle button</source>
        <translation>Mit der mittleren Taste ziehen</translation>
    </message>
    <message>
        <source>Scrub</source>
        <translation>Scrubben</translation>
    </message>
    <message>
        <source>Click or drag in the ruler under the picture</source>
        <translation>Im Lineal unter dem Bild klicken oder ziehen</translation>
    </message>
    <message>
        <source>Paste a grade onto several clips</source>
        <translation>Korrektur auf mehrere Clips übertragen</translation>
    </message>
    <message>
        <source>Ctrl-click the clips, then Ctrl+V</source>
        <translation>Clips mit Strg anklicken, dann Strg+V</translation>
    </message>
    <message>
        <source>Import clips</source>
        <translation>Clips importieren</translation>
    </message>
    <message>
        <source>Drop them on the window</source>
        <translation>Auf dem Fenster ablegen</translation>
    </message>
</context>
<context>
    <name>cg::SuggestionsPanel</name>
    <message>
        <source>Apply All</source>
        <translation>Alle anwenden</translation>
    </message>
    <message>
        <source>Apply every suggestion listed, as one step</source>
        <translation>Alle aufgeführten Vorschläge in einem Schritt anwenden</translation>
    </message>
    <message>
        <source>No classifier model found at %1: suggestions are off. Run `cinegrade-cli train classifier` or reinstall.</source>
        <translation>Kein Klassifikator-Modell unter %1 gefunden: Vorschläge sind aus. Führen Sie `cinegrade-cli train classifier` aus oder installieren Sie neu.</translation>
    </message>
    <message>
        <source>The classifier model cannot be used: %1. Suggestions are off.</source>
        <translation>Das Klassifikator-Modell ist nicht verwendbar: %1. Vorschläge sind aus.</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analysiere…</translation>
    </message>
    <message>
        <source>OK: nothing to suggest. The frame looks right to the classifier.</source>
        <translation>OK: nichts vorzuschlagen. Für den Klassifikator sieht das Bild richtig aus.</translation>
    </message>
    <message>
        <source>The classifier reads these problems in the frame as graded:</source>
        <translation>Der Klassifikator erkennt diese Probleme im korrigierten Bild:</translation>
    </message>
    <message>
        <source>Suggestions appear here for the frame in the viewer.</source>
        <translation>Hier erscheinen Vorschläge für das Bild im Viewer.</translation>
    </message>
    <message>
        <source>%p % confident</source>
        <translation>%p % sicher</translation>
    </message>
    <message>
        <source>How sure the classifier is that this error is there</source>
        <translation>Wie sicher der Klassifikator ist, dass dieser Fehler vorliegt</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Change the grade to correct this: %1</source>
        <translation>Die Korrektur so ändern, dass dies behoben wird: %1</translation>
    </message>
    <message>
        <source>Applied. Reading the frame again…</source>
        <translation>Angewendet. Das Bild wird neu analysiert…</translation>
    </message>
    <message>
        <source>Apply Suggestion</source>
        <translation>Vorschlag anwenden</translation>
    </message>
    <message>
        <source>Apply All Suggestions</source>
        <translation>Alle Vorschläge anwenden</translation>
    </message>
    <message>
        <source>Read Whole Shot</source>
        <translation>Ganze Einstellung lesen</translation>
    </message>
    <message>
        <source>Read %1 frames spread over the clip, as graded, as one shot (steadier than one frame)</source>
        <translation>%1 über den Clip verteilte Bilder, wie korrigiert, als eine Einstellung lesen (stabiler als ein einzelnes Bild)</translation>
    </message>
    <message>
        <source>Reading the whole shot…</source>
        <translation>Die ganze Einstellung wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the shot: %1</source>
        <translation>Die Einstellung kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>OK: nothing to suggest. The whole shot (%n frames) looks right to the classifier.</source>
        <translation>
            <numerusform>OK: nichts vorzuschlagen. Für den Klassifikator sieht die ganze Einstellung (%n Bild) richtig aus.</numerusform>
            <numerusform>OK: nichts vorzuschlagen. Für den Klassifikator sieht die ganze Einstellung (%n Bilder) richtig aus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The classifier reads these problems in the whole shot (%n frames) as graded:</source>
        <translation>
            <numerusform>Der Klassifikator erkennt diese Probleme in der ganzen korrigierten Einstellung (%n Bild):</numerusform>
            <numerusform>Der Klassifikator erkennt diese Probleme in der ganzen korrigierten Einstellung (%n Bilder):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cg::TimelinePanel</name>
    <message>
        <source>Media offline</source>
        <translation>Medien offline</translation>
    </message>
    <message>
        <source>Still</source>
        <translation>Standbild</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>Wird gelesen…</translation>
    </message>
</context>
<context>
    <name>cg::TimelineRuler</name>
    <message>
        <source>Click or drag to move the playhead</source>
        <translation>Klicken oder ziehen, um den Abspielkopf zu bewegen</translation>
    </message>
    <message>
        <source>Still image</source>
        <translation>Standbild</translation>
    </message>
    <message>
        <source>No clip</source>
        <translation>Kein Clip</translation>
    </message>
</context>
<context>
    <name>cg::TransportBar</name>
    <message>
        <source>Timecode of the playhead (hours:minutes:seconds:frames)</source>
        <translation>Timecode des Abspielkopfs (Stunden:Minuten:Sekunden:Bilder)</translation>
    </message>
    <message>
        <source>First frame (Home)</source>
        <translation>Erstes Bild (Pos1)</translation>
    </message>
    <message>
        <source>One frame back (Left)</source>
        <translation>Ein Bild zurück (Links)</translation>
    </message>
    <message>
        <source>Play backwards (J)</source>
        <translation>Rückwärts abspielen (J)</translation>
    </message>
    <message>
        <source>Stop (K)</source>
        <translation>Stopp (K)</translation>
    </message>
    <message>
        <source>Play / pause (Space, L)</source>
        <translation>Wiedergabe / Pause (Leertaste, L)</translation>
    </message>
    <message>
        <source>One frame forward (Right)</source>
        <translation>Ein Bild vor (Rechts)</translation>
    </message>
    <message>
        <source>Last frame (End)</source>
        <translation>Letztes Bild (Ende)</translation>
    </message>
    <message>
        <source>Loop playback</source>
        <translation>In Schleife abspielen</translation>
    </message>
    <message>
        <source>Zoom (wheel over the picture; middle button drags)</source>
        <translation>Zoom (Mausrad über dem Bild; mittlere Taste verschiebt)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Display and view transform the picture is shown and exported through (OpenColorIO)</source>
        <translation>Display- und Ansichtstransformation, mit der das Bild gezeigt und exportiert wird (OpenColorIO)</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>Bild %1 / %2</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Still</source>
        <translation>Standbild</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 B/s</translation>
    </message>
</context>
<context>
    <name>cg::Viewer</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Media offline</source>
        <translation>Medien offline</translation>
    </message>
    <message>
        <source>Edit ▸ Relink Media… points the clip at the file&apos;s new place; its grade is kept.</source>
        <translation>Bearbeiten ▸ Medien neu verknüpfen… verweist den Clip auf den neuen Ort der Datei; seine Korrektur bleibt erhalten.</translation>
    </message>
    <message>
        <source>Import a clip or open a project to start grading</source>
        <translation>Importieren Sie einen Clip oder öffnen Sie ein Projekt, um mit der Korrektur zu beginnen</translation>
    </message>
    <message>
        <source>File ▸ Import Media (Ctrl+I), File ▸ Open (Ctrl+O), or drop files here</source>
        <translation>Datei ▸ Medien importieren (Strg+I), Datei ▸ Öffnen (Strg+O), oder Dateien hier ablegen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
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
        <source>cannot write the screenshot %1</source>
        <translation>das Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Render the main window to a PNG file once the frame, scopes and thumbnails are ready, then exit (no display needed).</source>
        <translation>Das Hauptfenster als PNG-Datei speichern, sobald Bild, Messinstrumente und Vorschaubilder fertig sind, dann beenden (kein Bildschirm nötig).</translation>
    </message>
    <message>
        <source>A project (.cgproj), or video clips and stills to open as a new project.</source>
        <translation>Ein Projekt (.cgproj), oder Videoclips und Standbilder, die als neues Projekt geöffnet werden.</translation>
    </message>
    <message>
        <source>the window did not finish rendering within 60 s</source>
        <translation>das Fenster wurde nicht innerhalb von 60 s fertig berechnet</translation>
    </message>
    <message>
        <source>The classifier model for the Suggestions panel (default: the installed one).</source>
        <translation>Das Klassifikator-Modell für das Vorschläge-Fenster (Standard: das installierte).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
</context>
</TS>
