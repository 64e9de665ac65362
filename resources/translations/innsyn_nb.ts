<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>{days} (overdue)</source>
        <translation>{days} (forfalt)</translation>
    </message>
    <message>
        <source>{days} (due soon)</source>
        <translation>{days} (frist snart)</translation>
    </message>
    <message>
        <source>{days} (due this week)</source>
        <translation>{days} (frist denne uken)</translation>
    </message>
    <message>
        <source>Closed: no deadline is running.</source>
        <translation>Avsluttet: ingen frist løper.</translation>
    </message>
    <message>
        <source>Overdue by {n} day(s): the deadline was {due}.</source>
        <translation>Forfalt med {n} dag(er): fristen var {due}.</translation>
    </message>
    <message>
        <source>Due today ({due}).</source>
        <translation>Frist i dag ({due}).</translation>
    </message>
    <message>
        <source>{n} day(s) left: due {due}.</source>
        <translation>{n} dag(er) igjen: frist {due}.</translation>
    </message>
    <message>
        <source>Due within 3 days.</source>
        <translation>Frist innen 3 dager.</translation>
    </message>
    <message>
        <source>Due within 7 days.</source>
        <translation>Frist innen 7 dager.</translation>
    </message>
    <message>
        <source>(a) The person contests the accuracy of the data, for the time needed to verify it</source>
        <translation>(a) Personen bestrider at opplysningene er riktige, i den tiden som trengs for å kontrollere dem</translation>
    </message>
    <message>
        <source>(b) The processing is unlawful and the person asks for restriction instead of erasure</source>
        <translation>(b) Behandlingen er ulovlig, og personen ber om begrensning i stedet for sletting</translation>
    </message>
    <message>
        <source>(c) The data are no longer needed, but the person needs them for legal claims</source>
        <translation>(c) Opplysningene trengs ikke lenger, men personen trenger dem for et rettskrav</translation>
    </message>
    <message>
        <source>(d) The person has objected (Art. 21(1)), pending the weighing of the grounds</source>
        <translation>(d) Personen har protestert (art. 21 nr. 1), mens grunnene veies mot hverandre</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Keep (Art. 17(3))</source>
        <translation>Behold (art. 17 nr. 3)</translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation>Begrens</translation>
    </message>
    <message>
        <source>Rectification confirmation</source>
        <translation>Bekreftelse på retting</translation>
    </message>
    <message>
        <source>Restriction confirmation</source>
        <translation>Bekreftelse på begrensning</translation>
    </message>
    <message>
        <source>Notice before lifting a restriction</source>
        <translation>Varsel før en begrensning oppheves</translation>
    </message>
    <message>
        <source>Objection confirmation</source>
        <translation>Bekreftelse på protest</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Begrunnelse for endringen</translation>
    </message>
    <message>
        <source>&apos;{data}&apos; is a default from the register. Why is it treated otherwise?</source>
        <translation>«{data}» er en standardverdi fra protokollen. Hvorfor behandles den annerledes?</translation>
    </message>
    <message>
        <source>Ground for keeping</source>
        <translation>Grunnlag for å beholde</translation>
    </message>
    <message>
        <source>The Art. 17(3) ground (e.g. a legal obligation and the law):</source>
        <translation>Grunnlaget i art. 17 nr. 3 (f.eks. en rettslig forpliktelse og loven):</translation>
    </message>
    <message>
        <source>Ground for restricting</source>
        <translation>Grunnlag for å begrense</translation>
    </message>
    <message>
        <source>Art. 18(1):</source>
        <translation>Art. 18 nr. 1:</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>1 dag på overtid</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>{n} dager på overtid</translation>
    </message>
    <message>
        <source>due today (due soon)</source>
        <translation>frist i dag (frist snart)</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>1 dag igjen</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <translation>{n} dager igjen</translation>
    </message>
    <message>
        <source>{text} (due soon)</source>
        <translation>{text} (frist snart)</translation>
    </message>
    <message>
        <source>The document cannot be read as a PDF.</source>
        <translation>Dokumentet kan ikke leses som PDF.</translation>
    </message>
    <message>
        <source>The printer cannot be used.</source>
        <translation>Skriveren kan ikke brukes.</translation>
    </message>
    <message>
        <source>Export evidence pack</source>
        <translation>Eksporter dokumentasjonspakke</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP-arkiver (*.zip)</translation>
    </message>
    <message>
        <source>Evidence pack progress</source>
        <translation>Fremdrift for dokumentasjonspakken</translation>
    </message>
    <message>
        <source>Writing the evidence pack for {reference}…</source>
        <translation>Skriver dokumentasjonspakken for {reference} …</translation>
    </message>
    <message>
        <source>Evidence pack for {reference} written to {file} ({n} files and the manifest).</source>
        <translation>Dokumentasjonspakken for {reference} er skrevet til {file} ({n} filer og innholdslisten).</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Lagre gjenopprettingsarket</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>Working in the background</source>
        <translation>Arbeider i bakgrunnen</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>Filen kunne ikke skrives: {reason}</translation>
    </message>
    <message>
        <source>Innsyn: the database key</source>
        <translation>Innsyn: databasenøkkelen</translation>
    </message>
    <message>
        <source>The database is encrypted. Its key is kept in this computer&apos;s keyring, so you will not be asked for it. If this computer is lost, the recovery key opens the database and its backups elsewhere:

%1

Save the recovery sheet now, print it and keep it in a safe.</source>
        <translation>Databasen er kryptert. Nøkkelen oppbevares i denne datamaskinens nøkkelring, så du blir ikke spurt om den. Hvis denne datamaskinen går tapt, åpner gjenopprettingsnøkkelen databasen og sikkerhetskopiene andre steder:

%1

Lagre gjenopprettingsarket nå, skriv det ut og oppbevar det i en safe.</translation>
    </message>
    <message>
        <source>Save recovery sheet…</source>
        <translation>Lagre gjenopprettingsark …</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Senere</translation>
    </message>
    <message>
        <source>Innsyn: the database is damaged</source>
        <translation>Innsyn: databasen er skadet</translation>
    </message>
    <message>
        <source>%1

Restore the backup of %2? The damaged file is kept aside.</source>
        <translation>%1

Gjenopprette sikkerhetskopien fra %2? Den skadde filen blir lagt til side.</translation>
    </message>
    <message>
        <source>%1 is in use by another Innsyn window on %2. Close it first, or open another database with --db.</source>
        <translation>%1 er i bruk i et annet Innsyn-vindu på %2. Lukk det først, eller åpne en annen database med --db.</translation>
    </message>
    <message>
        <source>%1 is in use by another Innsyn window. Close it first, or open another database with --db.</source>
        <translation>%1 er i bruk i et annet Innsyn-vindu. Lukk det først, eller åpne en annen database med --db.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>OK or cancel</source>
        <translation>OK eller avbryt</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit processing activity</source>
        <translation>Rediger behandlingsaktivitet</translation>
    </message>
    <message>
        <source>Add processing activity</source>
        <translation>Legg til behandlingsaktivitet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Legal basis, Art. 6(1)</source>
        <translation>Behandlingsgrunnlag, art. 6 nr. 1</translation>
    </message>
    <message>
        <source>Legal basis in words</source>
        <translation>Behandlingsgrunnlag med ord</translation>
    </message>
    <message>
        <source>Categories of personal data, one per line</source>
        <translation>Kategorier av personopplysninger, én per linje</translation>
    </message>
    <message>
        <source>Categories of data subjects, one per line</source>
        <translation>Kategorier av registrerte, én per linje</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Transfers outside the EEA, with safeguards</source>
        <translation>Overføringer ut av EØS, med garantier</translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation>Sikkerhetstiltak</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systemer</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottakere</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Lagringstid</translation>
    </message>
    <message>
        <source>Add retention line</source>
        <translation>Legg til lagringslinje</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Formål:</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Behandlingsgrunnlag:</translation>
    </message>
    <message>
        <source>Legal basis in &amp;words:</source>
        <translation>Behandlingsgrunnlag med &amp;ord:</translation>
    </message>
    <message>
        <source>&amp;Data categories:</source>
        <translation>&amp;Opplysningskategorier:</translation>
    </message>
    <message>
        <source>Data s&amp;ubjects:</source>
        <translation>&amp;Registrerte:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Kilde:</translation>
    </message>
    <message>
        <source>&amp;Transfers:</source>
        <translation>O&amp;verføringer:</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>Sikker&amp;het:</translation>
    </message>
    <message>
        <source>S&amp;ystems:</source>
        <translation>S&amp;ystemer:</translation>
    </message>
    <message>
        <source>Re&amp;cipients:</source>
        <translation>&amp;Mottakere:</translation>
    </message>
    <message>
        <source>Retention:</source>
        <translation>Lagringstid:</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>(utgått)</translation>
    </message>
</context>
<context>
    <name>AddNoteDialog</name>
    <message>
        <source>Add a note</source>
        <translation>Legg til et notat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notat:</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>Notatet er tomt.</translation>
    </message>
</context>
<context>
    <name>AnnualStatementsDialog</name>
    <message>
        <source>Annual statements</source>
        <translation>Årlige redegjørelser</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <source>Everyone who asked for &amp;access that year</source>
        <translation>Alle som ba om &amp;innsyn det året</translation>
    </message>
    <message>
        <source>Access requests that year</source>
        <translation>Innsynshenvendelser det året</translation>
    </message>
    <message>
        <source>Everyone with the &amp;role:</source>
        <translation>Alle med &amp;rollen:</translation>
    </message>
    <message>
        <source>Everyone with a role</source>
        <translation>Alle med en rolle</translation>
    </message>
    <message>
        <source>&amp;Hand-picked:</source>
        <translation>&amp;Håndplukket:</translation>
    </message>
    <message>
        <source>Hand-picked people</source>
        <translation>Håndplukkede personer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Søk etter personer</translation>
    </message>
    <message>
        <source>Name, e-mail, phone or customer number</source>
        <translation>Navn, e-post, telefon eller kundenummer</translation>
    </message>
    <message>
        <source>People to pick</source>
        <translation>Personer å velge blant</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Hvem:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Mappe for filene</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Velg …</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Velg mappen filene skrives til</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Mappe:</translation>
    </message>
    <message>
        <source>Also one &amp;combined file for printing</source>
        <translation>Også én &amp;samlet fil for utskrift</translation>
    </message>
    <message>
        <source>Also a combined file for printing</source>
        <translation>Også en samlet fil for utskrift</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fremdrift</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v av %m</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Start, cancel or close</source>
        <translation>Start, avbryt eller lukk</translation>
    </message>
    <message>
        <source>&amp;Write statements</source>
        <translation>&amp;Skriv redegjørelser</translation>
    </message>
    <message>
        <source>Write the statements</source>
        <translation>Skriv redegjørelsene</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>Cancel the batch</source>
        <translation>Avbryt kjøringen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Folder for the statements</source>
        <translation>Mappe for redegjørelsene</translation>
    </message>
    <message>
        <source>Choose the folder the statements are written to.</source>
        <translation>Velg mappen redegjørelsene skrives til.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Mappen {folder} finnes ikke.</translation>
    </message>
    <message>
        <source>Tick at least one person.</source>
        <translation>Kryss av for minst én person.</translation>
    </message>
    <message>
        <source>No one is in this set: nothing to write.</source>
        <translation>Ingen er med i dette utvalget: ingenting å skrive.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter …</translation>
    </message>
    <message>
        <source>{n} statement(s) written to {folder}.</source>
        <translation>{n} redegjørelse(r) skrevet til {folder}.</translation>
    </message>
    <message>
        <source>Cancelled: only complete statements were kept; no combined file.</source>
        <translation>Avbrutt: bare fullstendige redegjørelser ble beholdt; ingen samlet fil.</translation>
    </message>
    <message>
        <source>Combined file for printing: {path}</source>
        <translation>Samlet fil for utskrift: {path}</translation>
    </message>
    <message>
        <source>No data processed, so no statement ({n}): {people}</source>
        <translation>Ingen opplysninger behandlet, derfor ingen redegjørelse ({n}): {people}</translation>
    </message>
    <message>
        <source>Processing restricted, marked in their statement ({n}): {people}</source>
        <translation>Behandlingen er begrenset, merket i redegjørelsen ({n}): {people}</translation>
    </message>
    <message>
        <source>Skipped, erased meanwhile ({n}): {people}</source>
        <translation>Hoppet over, slettet i mellomtiden ({n}): {people}</translation>
    </message>
    <message>
        <source>The statements are being written. Cancel and close?</source>
        <translation>Redegjørelsene skrives nå. Avbryte og lukke?</translation>
    </message>
</context>
<context>
    <name>AskIdentificationDialog</name>
    <message>
        <source>Ask for identification</source>
        <translation>Be om identifikasjon</translation>
    </message>
    <message>
        <source>&amp;Asked on:</source>
        <translation>&amp;Bedt om den:</translation>
    </message>
    <message>
        <source>About the identity pause</source>
        <translation>Om identitetspausen</translation>
    </message>
    <message>
        <source>The strict deadline keeps running; an adjusted date is shown beside it, labelled as such.</source>
        <translation>Den strenge fristen løper videre; en justert dato vises ved siden av, merket som justert.</translation>
    </message>
</context>
<context>
    <name>AuditStatus</name>
    <message>
        <source>Audit trail</source>
        <translation>Revisjonslogg</translation>
    </message>
    <message>
        <source>Audit trail not checked yet.</source>
        <translation>Revisjonsloggen er ikke kontrollert ennå.</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Kontrollerer revisjonsloggen …</translation>
    </message>
    <message>
        <source>Audit trail intact ({n} entries)</source>
        <translation>Revisjonsloggen er intakt ({n} oppføringer)</translation>
    </message>
    <message>
        <source>Audit trail BROKEN at entry {n}: {problem}</source>
        <translation>Revisjonsloggen er BRUTT ved oppføring {n}: {problem}</translation>
    </message>
    <message>
        <source>Audit trail BROKEN: {problem}</source>
        <translation>Revisjonsloggen er BRUTT: {problem}</translation>
    </message>
    <message>
        <source>The audit trail could not be checked: {message}</source>
        <translation>Revisjonsloggen kunne ikke kontrolleres: {message}</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Den registrerte</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typer</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dager igjen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The strict deadline under Art. 12(3): the one that counts.</source>
        <translation>Den strenge fristen etter art. 12 nr. 3: den som gjelder.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Case {reference}</source>
        <translation>Sak {reference}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Den registrerte</translation>
    </message>
    <message>
        <source>Open &amp;subject…</source>
        <translation>Åpne &amp;registrert …</translation>
    </message>
    <message>
        <source>Open the subject</source>
        <translation>Åpne den registrerte</translation>
    </message>
    <message>
        <source>Request types</source>
        <translation>Henvendelsestyper</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottatt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Identitetskontroll</translation>
    </message>
    <message>
        <source>Fee decision</source>
        <translation>Gebyrvedtak</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>Forlengelse</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referanse:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Den registrerte:</translation>
    </message>
    <message>
        <source>Request types:</source>
        <translation>Henvendelsestyper:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Received (Oslo time):</source>
        <translation>Mottatt (norsk tid):</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Kontakt:</translation>
    </message>
    <message>
        <source>Identity check:</source>
        <translation>Identitetskontroll:</translation>
    </message>
    <message>
        <source>Fee decision:</source>
        <translation>Gebyrvedtak:</translation>
    </message>
    <message>
        <source>Extension:</source>
        <translation>Forlengelse:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Svar:</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Due date (strict)</source>
        <translation>Frist (streng)</translation>
    </message>
    <message>
        <source>Adjusted date</source>
        <translation>Justert dato</translation>
    </message>
    <message>
        <source>How the date was counted</source>
        <translation>Slik ble fristen regnet ut</translation>
    </message>
    <message>
        <source>Due (strict):</source>
        <translation>Frist (streng):</translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation>Utregning:</translation>
    </message>
    <message>
        <source>Case record</source>
        <translation>Saksopplysninger</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Time (Oslo)</source>
        <translation>Tid (norsk tid)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruker</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hendelse</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Tidslinje</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-post</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Notes taken when the request came in:</source>
        <translation>Notater fra da henvendelsen kom inn:</translation>
    </message>
    <message>
        <source>Notes taken when the request came in</source>
        <translation>Notater fra da henvendelsen kom inn</translation>
    </message>
    <message>
        <source>Notes added since:</source>
        <translation>Notater lagt til siden:</translation>
    </message>
    <message>
        <source>Notes added since</source>
        <translation>Notater lagt til siden</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otater</translation>
    </message>
    <message>
        <source>Search (s&amp;ystems)</source>
        <translation>Søk (s&amp;ystemer)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumenter</translation>
    </message>
    <message>
        <source>&amp;Rights</source>
        <translation>&amp;Rettigheter</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Handlinger</translation>
    </message>
    <message>
        <source>&amp;Verify identity…</source>
        <translation>&amp;Bekreft identitet …</translation>
    </message>
    <message>
        <source>Ask for &amp;identification…</source>
        <translation>Be om &amp;identifikasjon …</translation>
    </message>
    <message>
        <source>Identification a&amp;rrived…</source>
        <translation>Identifikasjon &amp;mottatt …</translation>
    </message>
    <message>
        <source>E&amp;xtend…</source>
        <translation>&amp;Forleng …</translation>
    </message>
    <message>
        <source>Change stat&amp;us…</source>
        <translation>Endre stat&amp;us …</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>Legg til &amp;notat …</translation>
    </message>
    <message>
        <source>Mark &amp;answered…</source>
        <translation>Merk som &amp;besvart …</translation>
    </message>
    <message>
        <source>Evidence &amp;pack…</source>
        <translation>Bevis&amp;pakke …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Avsender</translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation>Svar til</translation>
    </message>
    <message>
        <source>Forwarded by</source>
        <translation>Videresendt av</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Time of receipt taken from</source>
        <translation>Mottakstid hentet fra</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
    <message>
        <source>Reply-to:</source>
        <translation>Svar til:</translation>
    </message>
    <message>
        <source>Forwarded by:</source>
        <translation>Videresendt av:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <comment>e-mail subject line</comment>
        <translation>Emne:</translation>
    </message>
    <message>
        <source>Receipt time from:</source>
        <translation>Mottakstid fra:</translation>
    </message>
    <message>
        <source>E-mail text</source>
        <translation>E-posttekst</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Vedlegg:</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedlegg</translation>
    </message>
    <message>
        <source>Stored original</source>
        <translation>Lagret original</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Save ori&amp;ginal…</source>
        <translation>Lagre ori&amp;ginalen …</translation>
    </message>
    <message>
        <source>Save the original e-mail</source>
        <translation>Lagre den opprinnelige e-posten</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>days left: {text}</source>
        <translation>dager igjen: {text}</translation>
    </message>
    <message>
        <source>{date}: adjusted for the identity pause (the strict date counts)</source>
        <translation>{date}: justert for identitetspausen (den strenge fristen gjelder)</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>forwarded by {who}</source>
        <translation>videresendt av {who}</translation>
    </message>
    <message>
        <source>verified on {date}</source>
        <translation>bekreftet {date}</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>ikke kontrollert ennå</translation>
    </message>
    <message>
        <source>identification asked for on {date}</source>
        <translation>bedt om identifikasjon {date}</translation>
    </message>
    <message>
        <source>arrived {date}</source>
        <translation>mottatt {date}</translation>
    </message>
    <message>
        <source>not yet arrived</source>
        <translation>ikke mottatt ennå</translation>
    </message>
    <message>
        <source>free (no once-a-year decision needed)</source>
        <translation>gratis (ikke behov for vedtak om én gang i året)</translation>
    </message>
    <message>
        <source>({amount} kr)</source>
        <translation>({amount} kr)</translation>
    </message>
    <message>
        <source>not extended</source>
        <translation>ikke forlenget</translation>
    </message>
    <message>
        <source>extended on {decided}; person told {told}</source>
        <translation>forlenget {decided}; personen varslet {told}</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>ikke besvart ennå</translation>
    </message>
    <message>
        <source>{date} by {method}</source>
        <translation>{date} per {method}</translation>
    </message>
    <message>
        <source>closed {date}</source>
        <translation>avsluttet {date}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>{name} ({size} bytes, {media_type})</source>
        <translation>{name} ({size} byte, {media_type})</translation>
    </message>
    <message>
        <source>no original stored</source>
        <translation>ingen original lagret</translation>
    </message>
    <message>
        <source>The case is {status}.</source>
        <translation>Saken har status {status}.</translation>
    </message>
    <message>
        <source>Already extended.</source>
        <translation>Allerede forlenget.</translation>
    </message>
    <message>
        <source>The case is not waiting for identification.</source>
        <translation>Saken venter ikke på identifikasjon.</translation>
    </message>
</context>
<context>
    <name>ChangeStatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>Endre status</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Ny status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Why (a refusal needs its reasons).</source>
        <translation>Hvorfor (et avslag må begrunnes).</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notat:</translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation>Velg en status.</translation>
    </message>
</context>
<context>
    <name>ControllerFields</name>
    <message>
        <source>&amp;Legal name:</source>
        <translation>&amp;Juridisk navn:</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Juridisk navn</translation>
    </message>
    <message>
        <source>&amp;Organisation number:</source>
        <translation>&amp;Organisasjonsnummer:</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisasjonsnummer</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>&amp;E-mail for privacy requests:</source>
        <translation>&amp;E-post for personvernhenvendelser:</translation>
    </message>
    <message>
        <source>E-mail for privacy requests</source>
        <translation>E-post for personvernhenvendelser</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Your name (&amp;signature):</source>
        <translation>Ditt navn (&amp;signatur):</translation>
    </message>
    <message>
        <source>The privacy officer&apos;s name</source>
        <translation>Personvernansvarliges navn</translation>
    </message>
    <message>
        <source>personvern@example.no</source>
        <translation>personvern@example.no</translation>
    </message>
    <message>
        <source>The name that signs letters and statements</source>
        <translation>Navnet som signerer brev og redegjørelser</translation>
    </message>
    <message>
        <source>Required. The published privacy policy hides this address, so Innsyn cannot know it: give the address where data-subject requests arrive. Every letter and statement names it.</source>
        <translation>Påkrevd. Den publiserte personvernerklæringen skjuler denne adressen, så Innsyn kan ikke vite den: oppgi adressen som henvendelser fra registrerte kommer til. Alle brev og redegjørelser oppgir den.</translation>
    </message>
    <message>
        <source>Give the controller&apos;s legal name.</source>
        <translation>Oppgi det juridiske navnet til den behandlingsansvarlige.</translation>
    </message>
    <message>
        <source>Give the e-mail address for privacy requests: the published policy hides it, and every letter must name it.</source>
        <translation>Oppgi e-postadressen for personvernhenvendelser: den publiserte erklæringen skjuler den, og alle brev må oppgi den.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ControllerForm</name>
    <message>
        <source>Legal name</source>
        <translation>Juridisk navn</translation>
    </message>
    <message>
        <source>&amp;Legal name:</source>
        <translation>&amp;Juridisk navn:</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisasjonsnummer</translation>
    </message>
    <message>
        <source>&amp;Organisation number:</source>
        <translation>&amp;Organisasjonsnummer:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>E-mail for privacy requests</source>
        <translation>E-post for personvernhenvendelser</translation>
    </message>
    <message>
        <source>&amp;E-mail for privacy requests:</source>
        <translation>&amp;E-post for personvernhenvendelser:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Privacy officer</source>
        <translation>Personvernansvarlig</translation>
    </message>
    <message>
        <source>Privacy o&amp;fficer:</source>
        <translation>&amp;Personvernansvarlig:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save the controller profile</source>
        <translation>Lagre opplysningene om den behandlingsansvarlige</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Undo unsaved changes</source>
        <translation>Angre endringer som ikke er lagret</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
</context>
<context>
    <name>ControllerPage</name>
    <message>
        <source>The controller</source>
        <translation>Den behandlingsansvarlige</translation>
    </message>
    <message>
        <source>Who answers the requests, as letters and statements name it. Filled in from LanoPro&apos;s privacy policy: complete and correct it.</source>
        <translation>Hvem som svarer på henvendelsene, slik brev og redegjørelser oppgir det. Fylt ut fra LanoPros personvernerklæring: fullfør og rett opp.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Innsyn: unexpected error</source>
        <translation>Innsyn: uventet feil</translation>
    </message>
    <message>
        <source>Something went wrong that Innsyn did not expect. What you saved before is safe. Please copy this report to whoever supports Innsyn; it contains no personal data.</source>
        <translation>Noe gikk galt som Innsyn ikke ventet. Det du har lagret tidligere, er trygt. Kopier denne rapporten og send den til den som gir brukerstøtte for Innsyn; den inneholder ingen personopplysninger.</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Feilrapport</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Kopier rapporten</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Dashboard</source>
        <translation>Oversikt</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Åpne saker</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Frist denne uken</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <source>Awaiting identity</source>
        <translation>Venter på identitet</translation>
    </message>
    <message>
        <source>Show these cases in the case list</source>
        <translation>Vis disse sakene i sakslisten</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Next deadlines</source>
        <translation>Neste frister</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Request types</source>
        <translation>Henvendelsestyper</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dager igjen</translation>
    </message>
    <message>
        <source>No open cases.</source>
        <translation>Ingen åpne saker.</translation>
    </message>
    <message>
        <source>Requests by year</source>
        <translation>Henvendelser per år</translation>
    </message>
    <message>
        <source>Year of the figures</source>
        <translation>Året tallene gjelder</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <source>Requests per month by type</source>
        <translation>Henvendelser per måned etter type</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Mottatte henvendelser</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>Besvart innen fristen</translation>
    </message>
    <message>
        <source>Median days to answer</source>
        <translation>Median antall dager til svar</translation>
    </message>
    <message>
        <source>90th percentile, days to answer</source>
        <translation>90-persentil, dager til svar</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Forlengelser</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>Avslag</translation>
    </message>
    <message>
        <source>Fees charged</source>
        <translation>Gebyrer krevd</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Kontroller &amp;igjen</translation>
    </message>
    <message>
        <source>Check the audit trail again</source>
        <translation>Kontroller revisjonsloggen igjen</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>jan.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>feb.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mar.</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>apr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>jun.</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>jul.</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>aug.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sep.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>okt.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>des.</translation>
    </message>
    <message>
        <source>{caption}: {n}. Show them in the case list.</source>
        <translation>{caption}: {n}. Vis dem i sakslisten.</translation>
    </message>
    <message>
        <source>Reading {year}…</source>
        <translation>Leser {year} …</translation>
    </message>
    <message>
        <source>The figures could not be read: {message}</source>
        <translation>Tallene kunne ikke leses: {message}</translation>
    </message>
    <message>
        <source>Requests per month by type, {year}</source>
        <translation>Henvendelser per måned etter type, {year}</translation>
    </message>
    <message>
        <source>Requests received per month in {year}: {months}</source>
        <translation>Mottatte henvendelser per måned i {year}: {months}</translation>
    </message>
    <message>
        <source>none answered yet</source>
        <translation>ingen besvart ennå</translation>
    </message>
    <message>
        <source>{percent} % ({on_time} of {answered} answered)</source>
        <translation>{percent} % ({on_time} av {answered} besvarte)</translation>
    </message>
    <message>
        <source>{n} (NOK {total} in all)</source>
        <translation>{n} (til sammen {total} kr)</translation>
    </message>
    <message>
        <source>(no reason recorded)</source>
        <translation>(ingen begrunnelse registrert)</translation>
    </message>
    <message>
        <source>{reason}: {n}</source>
        <translation>{reason}: {n}</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Documents</source>
        <translation>Dokumenter</translation>
    </message>
    <message>
        <source>Language of the statement</source>
        <translation>Språket i redegjørelsen</translation>
    </message>
    <message>
        <source>Generate &amp;statement</source>
        <translation>Lag &amp;redegjørelse</translation>
    </message>
    <message>
        <source>Generate the statement</source>
        <translation>Lag redegjørelsen</translation>
    </message>
    <message>
        <source>Generate &amp;letter…</source>
        <translation>Lag &amp;brev …</translation>
    </message>
    <message>
        <source>Generate a letter</source>
        <translation>Lag et brev</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Documents kept with the case</source>
        <translation>Dokumenter lagret i saken</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Created (Oslo)</source>
        <translation>Laget (norsk tid)</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>&amp;Forhåndsvis …</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Lagre &amp;som …</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Skriv &amp;ut …</translation>
    </message>
    <message>
        <source>&amp;Mark sent…</source>
        <translation>&amp;Merk som sendt …</translation>
    </message>
    <message>
        <source>About the documents</source>
        <translation>Om dokumentene</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>Only an access request is answered by a statement.</source>
        <translation>Bare en innsynshenvendelse besvares med en redegjørelse.</translation>
    </message>
    <message>
        <source>Only the SHA-256 of this document is kept: it names an erased person.</source>
        <translation>Bare SHA-256 for dette dokumentet er beholdt: det navngir en slettet person.</translation>
    </message>
    <message>
        <source>Systems not searched</source>
        <translation>Systemer som ikke er søkt i</translation>
    </message>
    <message>
        <source>These systems have not been searched yet: {systems}. A statement written now may leave out data the person is owed. Write it anyway?</source>
        <translation>Disse systemene er ikke søkt i ennå: {systems}. En redegjørelse skrevet nå kan utelate opplysninger personen har krav på. Skrive den likevel?</translation>
    </message>
    <message>
        <source>Only the SHA-256 of {name} is kept, not its content.</source>
        <translation>Bare SHA-256 for {name} er beholdt, ikke innholdet.</translation>
    </message>
    <message>
        <source>{name} cannot be shown.</source>
        <translation>{name} kan ikke vises.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Lagre en kopi</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;All files (*)</source>
        <translation>PDF (*.pdf);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Print {name}</source>
        <translation>Skriv ut {name}</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>access</source>
        <translation>innsyn</translation>
    </message>
    <message>
        <source>rectification</source>
        <translation>retting</translation>
    </message>
    <message>
        <source>erasure</source>
        <translation>sletting</translation>
    </message>
    <message>
        <source>restriction</source>
        <translation>begrensning</translation>
    </message>
    <message>
        <source>objection</source>
        <translation>protest</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>brev</translation>
    </message>
    <message>
        <source>in-person</source>
        <translation>oppmøte</translation>
    </message>
    <message>
        <source>new</source>
        <translation>ny</translation>
    </message>
    <message>
        <source>awaiting identity</source>
        <translation>venter på identitet</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>under behandling</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>besvart</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avsluttet</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>avslått</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>trukket tilbake</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>kunde</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>leverandør</translation>
    </message>
    <message>
        <source>stakeholder</source>
        <translation>interessent</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annen</translation>
    </message>
    <message>
        <source>reply from the e-mail address on record</source>
        <translation>svar fra e-postadressen vi har registrert</translation>
    </message>
    <message>
        <source>call-back to the phone number on record</source>
        <translation>tilbakeringing til telefonnummeret vi har registrert</translation>
    </message>
    <message>
        <source>customer number and details of a recent purchase</source>
        <translation>kundenummer og detaljer om et nylig kjøp</translation>
    </message>
    <message>
        <source>ID document shown in person (no copy kept)</source>
        <translation>legitimasjon vist ved oppmøte (ingen kopi tatt)</translation>
    </message>
    <message>
        <source>BankID signature</source>
        <translation>BankID-signatur</translation>
    </message>
    <message>
        <source>letter to the postal address on record</source>
        <translation>brev til postadressen vi har registrert</translation>
    </message>
    <message>
        <source>other (described in the notes)</source>
        <translation>annet (beskrevet i notatene)</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>bekreftet</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>ikke bekreftet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>venter</translation>
    </message>
    <message>
        <source>free</source>
        <translation>gratis</translation>
    </message>
    <message>
        <source>fee</source>
        <translation>gebyr</translation>
    </message>
    <message>
        <source>refuse</source>
        <translation>avslå</translation>
    </message>
    <message>
        <source>post</source>
        <translation>post</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>levert personlig</translation>
    </message>
    <message>
        <source>received</source>
        <translation>mottatt</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identitet</translation>
    </message>
    <message>
        <source>identity requested</source>
        <translation>identifikasjon etterspurt</translation>
    </message>
    <message>
        <source>identity received</source>
        <translation>identifikasjon mottatt</translation>
    </message>
    <message>
        <source>once-a-year decision</source>
        <translation>vedtak om én gang i året</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>dokumentasjon</translation>
    </message>
    <message>
        <source>further request</source>
        <translation>ny henvendelse</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notat</translation>
    </message>
    <message>
        <source>extended</source>
        <translation>forlenget</translation>
    </message>
    <message>
        <source>searched</source>
        <translation>søkt</translation>
    </message>
    <message>
        <source>erasure matrix</source>
        <translation>slettematrise</translation>
    </message>
    <message>
        <source>erasure kept</source>
        <translation>sletting: beholdt</translation>
    </message>
    <message>
        <source>erasure applied</source>
        <translation>sletting utført</translation>
    </message>
    <message>
        <source>kept data erased</source>
        <translation>beholdte opplysninger slettet</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>varsel</translation>
    </message>
    <message>
        <source>notices</source>
        <translation>varsler</translation>
    </message>
    <message>
        <source>rectified</source>
        <translation>rettet</translation>
    </message>
    <message>
        <source>rectification history cleared</source>
        <translation>rettehistorikk fjernet</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>begrenset</translation>
    </message>
    <message>
        <source>restriction lifted</source>
        <translation>begrensning opphevet</translation>
    </message>
    <message>
        <source>restriction told</source>
        <translation>varslet om begrensning</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sendt</translation>
    </message>
    <message>
        <source>system task</source>
        <translation>systemoppgave</translation>
    </message>
    <message>
        <source>system tasks</source>
        <translation>systemoppgaver</translation>
    </message>
    <message>
        <source>closed with open notices</source>
        <translation>avsluttet med åpne varsler</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Måte</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Måte:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notater:</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <source>An open case already exists</source>
        <translation>Det finnes allerede en åpen sak</translation>
    </message>
    <message>
        <source>This person already has an open case for the same kind of request. Add this request to that case, or create a new case anyway.</source>
        <translation>Denne personen har allerede en åpen sak om samme slags henvendelse. Legg denne henvendelsen til den saken, eller opprett en ny sak likevel.</translation>
    </message>
    <message>
        <source>{reference}: {types}; received {received}, due {due}; {status}</source>
        <translation>{reference}: {types}; mottatt {received}, frist {due}; {status}</translation>
    </message>
    <message>
        <source>Add to case {reference}</source>
        <translation>Legg til i sak {reference}</translation>
    </message>
    <message>
        <source>Create a new case anyway</source>
        <translation>Opprett en ny sak likevel</translation>
    </message>
    <message>
        <source>Cancel, nothing is saved</source>
        <translation>Avbryt, ingenting lagres</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Notice</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save or cancel</source>
        <translation>Lagre eller avbryt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>This entry is retired: it is kept, unchanged, for old statements and logs.</source>
        <translation>Denne oppføringen er utgått: den beholdes uendret for gamle redegjørelser og logger.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the case log</source>
        <translation>Eksporter saksloggen</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Mottatt fra</translation>
    </message>
    <message>
        <source>Received to</source>
        <translation>Mottatt til</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>&amp;Received from:</source>
        <translation>&amp;Mottatt fra:</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>Sta&amp;tus:</source>
        <translation>Sta&amp;tus:</translation>
    </message>
    <message>
        <source>Request type filter</source>
        <translation>Filter for henvendelsestype</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Filformat</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Language of the export</source>
        <translation>Språket i eksporten</translation>
    </message>
    <message>
        <source>Norwegian (bokmål)</source>
        <translation>Norsk (bokmål)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Include &amp;names (recorded in the audit trail)</source>
        <translation>Ta med &amp;navn (registreres i revisjonsloggen)</translation>
    </message>
    <message>
        <source>Include names of data subjects</source>
        <translation>Ta med navnene på de registrerte</translation>
    </message>
    <message>
        <source>Unchecked, data subjects appear by their pseudonym (S-000042) only. Whether names were included is recorded in the audit trail with the export.</source>
        <translation>Uten avkrysning vises de registrerte bare med pseudonym (S-000042). Om navn ble tatt med, registreres i revisjonsloggen sammen med eksporten.</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Fremdrift for eksporten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Avbryt eksporten</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Status for eksporten</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksporter …</translation>
    </message>
    <message>
        <source>Choose the file and export</source>
        <translation>Velg filen og eksporter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbeidsbøker (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutter før den begynner.</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Eksporterer til {file} …</translation>
    </message>
    <message>
        <source>Cancelling: nothing will be written…</source>
        <translation>Avbryter: ingenting blir skrevet …</translation>
    </message>
    <message>
        <source>1 case written to {file}.</source>
        <translation>1 sak skrevet til {file}.</translation>
    </message>
    <message>
        <source>{n} cases written to {file}.</source>
        <translation>{n} saker skrevet til {file}.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Avbrutt: ingenting ble skrevet.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Ingenting ble skrevet.</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend the deadline</source>
        <translation>Forleng fristen</translation>
    </message>
    <message>
        <source>About extensions</source>
        <translation>Om forlengelser</translation>
    </message>
    <message>
        <source>Art. 12(3): two further months where the request is complex or requests are numerous. Decide and tell the person within the first month, with reasons.</source>
        <translation>Art. 12 nr. 3: ytterligere to måneder når henvendelsen er sammensatt eller henvendelsene er mange. Bestem det og si fra til personen innen den første måneden, med begrunnelse.</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Bestemt den</translation>
    </message>
    <message>
        <source>Person told on</source>
        <translation>Personen varslet den</translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
        <source>&amp;Decided on:</source>
        <translation>Bestemt &amp;den:</translation>
    </message>
    <message>
        <source>Person &amp;told on:</source>
        <translation>Personen &amp;varslet den:</translation>
    </message>
    <message>
        <source>Give the reasons for the extension.</source>
        <translation>Oppgi begrunnelsen for forlengelsen.</translation>
    </message>
    <message>
        <source>The person cannot be told before the extension was decided.</source>
        <translation>Personen kan ikke varsles før forlengelsen er bestemt.</translation>
    </message>
</context>
<context>
    <name>FeeDecisionDialog</name>
    <message>
        <source>A free statement was given within 12 months</source>
        <translation>En gratis redegjørelse ble gitt for under 12 måneder siden</translation>
    </message>
    <message>
        <source>This person was given a free statement on {date}, within the last 12 months. The policy answers access requests free of charge once a year. Decide how to handle this request; you must be able to show why (GDPR Art. 12(5)).</source>
        <translation>Denne personen fikk en gratis redegjørelse {date}, innenfor de siste 12 månedene. Etter personvernerklæringen besvares innsynshenvendelser gratis én gang i året. Bestem hvordan denne henvendelsen skal behandles; du må kunne vise hvorfor (personvernforordningen art. 12 nr. 5).</translation>
    </message>
    <message>
        <source>Once-a-year warning</source>
        <translation>Varsel om én gang i året</translation>
    </message>
    <message>
        <source>Answer free of charge anyway</source>
        <translation>Svar gratis likevel</translation>
    </message>
    <message>
        <source>Charge a reasonable fee</source>
        <translation>Krev et rimelig gebyr</translation>
    </message>
    <message>
        <source>Refuse: the request is manifestly unfounded or excessive</source>
        <translation>Avslå: henvendelsen er åpenbart grunnløs eller overdreven</translation>
    </message>
    <message>
        <source>Fee in kroner</source>
        <translation>Gebyr i kroner</translation>
    </message>
    <message>
        <source> kr</source>
        <translation> kr</translation>
    </message>
    <message>
        <source>Reason for the refusal</source>
        <translation>Begrunnelse for avslaget</translation>
    </message>
    <message>
        <source>Why the request is manifestly unfounded or excessive</source>
        <translation>Hvorfor henvendelsen er åpenbart grunnløs eller overdreven</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Beløp:</translation>
    </message>
    <message>
        <source>&amp;Reason (required for a refusal):</source>
        <translation>Be&amp;grunnelse (påkrevd ved avslag):</translation>
    </message>
    <message>
        <source>A refusal closes the case; the letter must give the reasons and say that the person may complain to Datatilsynet and go to court.</source>
        <translation>Et avslag avslutter saken; brevet må gi begrunnelsen og si at personen kan klage til Datatilsynet og gå til domstolene.</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Hva som mangler</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Registrer vedtaket</translation>
    </message>
    <message>
        <source>Cancel, nothing is saved</source>
        <translation>Avbryt, ingenting lagres</translation>
    </message>
    <message>
        <source>Choose one of the three answers.</source>
        <translation>Velg ett av de tre svarene.</translation>
    </message>
    <message>
        <source>Enter the fee in kroner (more than 0).</source>
        <translation>Skriv inn gebyret i kroner (mer enn 0).</translation>
    </message>
    <message>
        <source>Write the reason for the refusal.</source>
        <translation>Skriv begrunnelsen for avslaget.</translation>
    </message>
    <message>
        <source>Write why the request is manifestly unfounded or excessive.</source>
        <translation>Skriv hvorfor henvendelsen er åpenbart grunnløs eller overdreven.</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Search in {system}</source>
        <translation>Søk i {system}</translation>
    </message>
    <message>
        <source>What the system holds</source>
        <translation>Hva systemet inneholder</translation>
    </message>
    <message>
        <source>Searched on</source>
        <translation>Søkt den</translation>
    </message>
    <message>
        <source>&amp;Yes, data about the person were found</source>
        <translation>&amp;Ja, det ble funnet opplysninger om personen</translation>
    </message>
    <message>
        <source>Data found</source>
        <translation>Opplysninger funnet</translation>
    </message>
    <message>
        <source>N&amp;o, nothing was found</source>
        <translation>&amp;Nei, ingenting ble funnet</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ingenting funnet</translation>
    </message>
    <message>
        <source>Categories found</source>
        <translation>Kategorier funnet</translation>
    </message>
    <message>
        <source>Other categories</source>
        <translation>Andre kategorier</translation>
    </message>
    <message>
        <source>Other categories, separated by commas</source>
        <translation>Andre kategorier, skilt med komma</translation>
    </message>
    <message>
        <source>Values found</source>
        <translation>Verdier funnet</translation>
    </message>
    <message>
        <source>The values found, one per line: each line is a line of the person&apos;s copy.</source>
        <translation>Verdiene som ble funnet, én per linje: hver linje blir en linje i personens kopi.</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Legg ved fil …</translation>
    </message>
    <message>
        <source>Attach a file as evidence</source>
        <translation>Legg ved en fil som dokumentasjon</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>Dokumentasjonsfil</translation>
    </message>
    <message>
        <source>kept: SHA-256 {sha}</source>
        <translation>lagret: SHA-256 {sha}</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>System:</translation>
    </message>
    <message>
        <source>Holds:</source>
        <translation>Inneholder:</translation>
    </message>
    <message>
        <source>&amp;Searched on:</source>
        <translation>&amp;Søkt den:</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>Funnet:</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>&amp;Verdier:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Dokumentasjon:</translation>
    </message>
    <message>
        <source>The file is larger than 50 MB.</source>
        <translation>Filen er større enn 50 MB.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>{name} kan ikke leses: {reason}</translation>
    </message>
    <message>
        <source>{name}: SHA-256 {sha}</source>
        <translation>{name}: SHA-256 {sha}</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Legg ved dokumentasjon</translation>
    </message>
    <message>
        <source>Say what was found: tick the categories, write the values, or attach a file.</source>
        <translation>Oppgi hva som ble funnet: kryss av kategoriene, skriv verdiene eller legg ved en fil.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Search (systems)</source>
        <translation>Søk (systemer)</translation>
    </message>
    <message>
        <source>Search summary</source>
        <translation>Oppsummering av søket</translation>
    </message>
    <message>
        <source>Systems searched</source>
        <translation>Systemer søkt i</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Inneholder</translation>
    </message>
    <message>
        <source>Searched on</source>
        <translation>Søkt den</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Funnet</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorier</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Verdier</translation>
    </message>
    <message>
        <source>Evidence (SHA-256)</source>
        <translation>Dokumentasjon (SHA-256)</translation>
    </message>
    <message>
        <source>&amp;Record search…</source>
        <translation>&amp;Registrer søk …</translation>
    </message>
    <message>
        <source>Record the search of a system</source>
        <translation>Registrer søket i et system</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>not searched</source>
        <translation>ikke søkt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>{searched} of {total} systems searched.</source>
        <translation>{searched} av {total} systemer søkt i.</translation>
    </message>
    <message>
        <source>Data found in: {systems}.</source>
        <translation>Opplysninger funnet i: {systems}.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up Innsyn</source>
        <translation>Oppsett av Innsyn</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tilbake</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Neste &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fullfør</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Innsyn could not be set up</source>
        <translation>Innsyn kunne ikke settes opp</translation>
    </message>
    <message>
        <source>%1

Nothing was kept: correct the choice and finish again.</source>
        <translation>%1

Ingenting ble beholdt: rett opp valget og fullfør på nytt.</translation>
    </message>
</context>
<context>
    <name>IdentificationArrivedDialog</name>
    <message>
        <source>Identification arrived</source>
        <translation>Identifikasjon mottatt</translation>
    </message>
    <message>
        <source>&amp;Arrived on:</source>
        <translation>&amp;Mottatt den:</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>E-mail import</source>
        <translation>Import av e-post</translation>
    </message>
    <message>
        <source>{imported} of {total} files imported; {failed} not imported.</source>
        <translation>{imported} av {total} filer importert; {failed} ikke importert.</translation>
    </message>
    <message>
        <source>Cancelled: {n} file(s) were not read.</source>
        <translation>Avbrutt: {n} fil(er) ble ikke lest.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>Importerte filer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Case or problem</source>
        <translation>Sak eller problem</translation>
    </message>
    <message>
        <source>Received (Oslo time)</source>
        <translation>Mottatt (norsk tid)</translation>
    </message>
    <message>
        <source>(sender&apos;s clock: check it)</source>
        <translation>(avsenderens klokke: kontroller den)</translation>
    </message>
    <message>
        <source>(file time: confirm it)</source>
        <translation>(filens tidspunkt: bekreft det)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>Innsyn</name>
    <message>
        <source>The database was restored from %1. The previous file is kept as %2. Start Innsyn again.</source>
        <translation>Databasen ble gjenopprettet fra %1. Den forrige filen er tatt vare på som %2. Start Innsyn på nytt.</translation>
    </message>
    <message>
        <source>The database was restored from the newest good backup. The damaged file is kept beside it. Start Innsyn again.</source>
        <translation>Databasen ble gjenopprettet fra den nyeste gode sikkerhetskopien. Den skadde filen er tatt vare på ved siden av. Start Innsyn på nytt.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Access</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Retting</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Sletting</translation>
    </message>
    <message>
        <source>Restriction</source>
        <translation>Begrensning</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Protest</translation>
    </message>
    <message>
        <source>new</source>
        <translation>ny</translation>
    </message>
    <message>
        <source>awaiting identity</source>
        <translation>venter på identitet</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>under behandling</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>besvart</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avsluttet</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>avslått</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>trukket</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-postadresse</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>telefonnummer</translation>
    </message>
    <message>
        <source>customer number</source>
        <translation>kundenummer</translation>
    </message>
    <message>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <source>Log a request from an e-mail</source>
        <translation>Registrer en henvendelse fra en e-post</translation>
    </message>
    <message>
        <source>Log a request</source>
        <translation>Registrer en henvendelse</translation>
    </message>
    <message>
        <source>Why the request was not saved</source>
        <translation>Hvorfor henvendelsen ikke ble lagret</translation>
    </message>
    <message>
        <source>Save the request</source>
        <translation>Lagre henvendelsen</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Avbryt uten å lagre</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Full name as the person gives it</source>
        <translation>Fullt navn slik personen oppgir det</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>e.g. 912 34 567 or +46 70 123 45 67</source>
        <translation>f.eks. 912 34 567 eller +46 70 123 45 67</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>Problem with the phone number</source>
        <translation>Problem med telefonnummeret</translation>
    </message>
    <message>
        <source>E-mail (optional)</source>
        <translation>E-post (valgfritt)</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;post:</translation>
    </message>
    <message>
        <source>Problem with the e-mail address</source>
        <translation>Problem med e-postadressen</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Postadresse</translation>
    </message>
    <message>
        <source>Postal &amp;address:</source>
        <translation>Post&amp;adresse:</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundenummer</translation>
    </message>
    <message>
        <source>&amp;Customer number:</source>
        <translation>&amp;Kundenummer:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverandør</translation>
    </message>
    <message>
        <source>Stakeholder</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annen</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>Rolle: {role}</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roller:</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>Henvendelsen</translation>
    </message>
    <message>
        <source>Request type: {kind}</source>
        <translation>Henvendelsestype: {kind}</translation>
    </message>
    <message>
        <source>Asks for (at least one):</source>
        <translation>Ber om (minst én):</translation>
    </message>
    <message>
        <source>Received, date and time in Oslo time</source>
        <translation>Mottatt, dato og klokkeslett i norsk tid</translation>
    </message>
    <message>
        <source>Oslo time</source>
        <translation>norsk tid</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>&amp;Mottatt:</translation>
    </message>
    <message>
        <source>I have checked the time of receipt</source>
        <translation>Jeg har kontrollert mottakstidspunktet</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Frist:</translation>
    </message>
    <message>
        <source>How the request came</source>
        <translation>Hvordan henvendelsen kom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Personlig oppmøte</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Language of the answer</source>
        <translation>Språket i svaret</translation>
    </message>
    <message>
        <source>Norsk bokmål</source>
        <translation>Norsk bokmål</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>&amp;Language of the answer:</source>
        <translation>&amp;Språket i svaret:</translation>
    </message>
    <message>
        <source>Reply from the e-mail address on record</source>
        <translation>Svar fra e-postadressen vi har registrert</translation>
    </message>
    <message>
        <source>Call-back to the phone number on record</source>
        <translation>Tilbakeringing til telefonnummeret vi har registrert</translation>
    </message>
    <message>
        <source>Customer number and details of a recent purchase</source>
        <translation>Kundenummer og detaljer om et nylig kjøp</translation>
    </message>
    <message>
        <source>ID document shown in person (no copy kept)</source>
        <translation>Legitimasjon vist ved oppmøte (ingen kopi tatt)</translation>
    </message>
    <message>
        <source>BankID signature</source>
        <translation>BankID-signatur</translation>
    </message>
    <message>
        <source>Letter to the postal address on record</source>
        <translation>Brev til postadressen vi har registrert</translation>
    </message>
    <message>
        <source>Other (described in the notes)</source>
        <translation>Annet (beskrevet i notatene)</translation>
    </message>
    <message>
        <source>Identity check</source>
        <translation>Identitetskontroll</translation>
    </message>
    <message>
        <source>Record the method and the result. Never keep a copy of an ID document.</source>
        <translation>Registrer måten og resultatet. Ta aldri vare på en kopi av et legitimasjonsdokument.</translation>
    </message>
    <message>
        <source>Identity check hint</source>
        <translation>Tips om identitetskontroll</translation>
    </message>
    <message>
        <source>How identity was checked</source>
        <translation>Hvordan identiteten ble kontrollert</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Ikke kontrollert ennå</translation>
    </message>
    <message>
        <source>M&amp;ethod:</source>
        <translation>&amp;Måte:</translation>
    </message>
    <message>
        <source>Result of the identity check</source>
        <translation>Resultatet av identitetskontrollen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Bekreftet</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Ikke bekreftet</translation>
    </message>
    <message>
        <source>Res&amp;ult:</source>
        <translation>&amp;Resultat:</translation>
    </message>
    <message>
        <source>Identity notes</source>
        <translation>Notater om identitet</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>No&amp;tater:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Call notes</source>
        <translation>Samtalenotater</translation>
    </message>
    <message>
        <source>Read back to the caller</source>
        <translation>Les opp for den som ringer</translation>
    </message>
    <message>
        <source>Read-back summary</source>
        <translation>Sammendrag til opplesning</translation>
    </message>
    <message>
        <source>The e-mail</source>
        <translation>E-posten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Avsender</translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation>Svar til</translation>
    </message>
    <message>
        <source>Forwarded by</source>
        <translation>Videresendt av</translation>
    </message>
    <message>
        <source>Subject</source>
        <comment>e-mail subject line</comment>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Subject:</source>
        <comment>e-mail subject line</comment>
        <translation>Emne:</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Vedlegg</translation>
    </message>
    <message>
        <source>Time of receipt</source>
        <translation>Mottakstidspunkt</translation>
    </message>
    <message>
        <source>{day} {time} Oslo time, {source}</source>
        <translation>{day} {time} norsk tid, {source}</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
    <message>
        <source>Reply-to:</source>
        <translation>Svar til:</translation>
    </message>
    <message>
        <source>Forwarded by:</source>
        <translation>Videresendt av:</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Vedlegg:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Mottatt:</translation>
    </message>
    <message>
        <source>Text of the e-mail</source>
        <translation>Teksten i e-posten</translation>
    </message>
    <message>
        <source>from the Received header</source>
        <translation>fra Received-feltet</translation>
    </message>
    <message>
        <source>from the Date header</source>
        <translation>fra Date-feltet</translation>
    </message>
    <message>
        <source>from the file&apos;s time: check it</source>
        <translation>fra filens tidspunkt: kontroller det</translation>
    </message>
    <message>
        <source>Time of receipt taken {source}. Check it against the e-mail.</source>
        <translation>Mottakstidspunktet er hentet {source}. Kontroller det mot e-posten.</translation>
    </message>
    <message>
        <source>Due {due} — {explanation}</source>
        <translation>Frist {due} – {explanation}</translation>
    </message>
    <message>
        <source>to know what personal data we hold about you, and to get a copy of it</source>
        <translation>å få vite hvilke personopplysninger vi har om deg, og å få en kopi av dem</translation>
    </message>
    <message>
        <source>to have wrong or incomplete data about you corrected</source>
        <translation>å få rettet uriktige eller ufullstendige opplysninger om deg</translation>
    </message>
    <message>
        <source>to have your personal data deleted</source>
        <translation>å få slettet personopplysningene dine</translation>
    </message>
    <message>
        <source>to have the use of your data restricted, so that we only store it</source>
        <translation>å få begrenset bruken av opplysningene dine, slik at vi bare lagrer dem</translation>
    </message>
    <message>
        <source>that we stop using your data for a purpose you object to, such as marketing</source>
        <translation>at vi slutter å bruke opplysningene dine til et formål du protesterer mot, for eksempel markedsføring</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>ikke oppgitt</translation>
    </message>
    <message>
        <source>You have not yet said what you ask for.</source>
        <translation>Du har ennå ikke sagt hva du ber om.</translation>
    </message>
    <message>
        <source>You ask {what}.</source>
        <translation>Du ber om {what}.</translation>
    </message>
    <message>
        <source>You ask {what} and {last}.</source>
        <translation>Du ber om {what} og {last}.</translation>
    </message>
    <message>
        <source>Let me read back what I have written down.</source>
        <translation>Jeg leser opp det jeg har skrevet ned.</translation>
    </message>
    <message>
        <source>Name: {value}</source>
        <translation>Navn: {value}</translation>
    </message>
    <message>
        <source>Phone: {value}</source>
        <translation>Telefon: {value}</translation>
    </message>
    <message>
        <source>E-mail: {value}</source>
        <translation>E-post: {value}</translation>
    </message>
    <message>
        <source>Postal address: {value}</source>
        <translation>Postadresse: {value}</translation>
    </message>
    <message>
        <source>You will get our answer by {date} at the latest, in {language}.</source>
        <translation>Du får svar fra oss senest {date}, på {language}.</translation>
    </message>
    <message>
        <source>You will get a case reference when the request is saved.</source>
        <translation>Du får et saksnummer når henvendelsen er lagret.</translation>
    </message>
    <message>
        <source>Confirm the time of receipt first.</source>
        <translation>Bekreft mottakstidspunktet først.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red; nothing was saved.</source>
        <translation>Rett feltene som er merket med rødt; ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Check the time of receipt and tick the box first.</source>
        <translation>Kontroller mottakstidspunktet og kryss av i boksen først.</translation>
    </message>
    <message>
        <source>Nothing was saved: choose a person or create a new one.</source>
        <translation>Ingenting ble lagret: velg en person eller opprett en ny.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Nothing was saved: the once-a-year decision must be recorded.</source>
        <translation>Ingenting ble lagret: vedtaket om én gang i året må registreres.</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>An unexpected error occurred ({kind}). Nothing more was done.</source>
        <translation>Det oppstod en uventet feil ({kind}). Ingenting mer ble gjort.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>No keyring is available on this computer (Windows Credential Manager, macOS Keychain, or Secret Service/KWallet on Linux), so Innsyn cannot keep the database key safely. It will not store the key in a file: choose a passphrase instead, to be typed at every start.</source>
        <translation>Det finnes ingen nøkkelring på denne datamaskinen (Windows Legitimasjonsbehandling, macOS Nøkkelring eller Secret Service/KWallet på Linux), så Innsyn kan ikke oppbevare databasenøkkelen trygt. Nøkkelen lagres aldri i en fil: velg i stedet en passordfrase, som skrives inn ved hver oppstart.</translation>
    </message>
    <message>
        <source>How the key is kept</source>
        <translation>Hvordan nøkkelen oppbevares</translation>
    </message>
    <message>
        <source>The database is encrypted. Where does its key live?</source>
        <translation>Databasen er kryptert. Hvor skal nøkkelen oppbevares?</translation>
    </message>
    <message>
        <source>Without the key nobody can read the database or its backups, not even Innsyn. The key is never written to a file.</source>
        <translation>Uten nøkkelen kan ingen lese databasen eller sikkerhetskopiene, heller ikke Innsyn. Nøkkelen skrives aldri til en fil.</translation>
    </message>
    <message>
        <source>In this computer&apos;s &amp;keyring (recommended): no question at start</source>
        <translation>I denne datamaskinens &amp;nøkkelring (anbefalt): ingen spørsmål ved oppstart</translation>
    </message>
    <message>
        <source>A passphrase, &amp;typed at every start</source>
        <translation>En passordfrase, &amp;skrevet inn ved hver oppstart</translation>
    </message>
    <message>
        <source>A keyring is available on this computer. You will be offered a recovery sheet to print: it opens the database if this computer is lost.</source>
        <translation>Denne datamaskinen har en nøkkelring. Du får tilbud om et gjenopprettingsark å skrive ut: det åpner databasen hvis denne datamaskinen går tapt.</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>&amp;Passordfrase:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passordfrase</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Gjenta:</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passordfrasen én gang til</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters. A forgotten passphrase cannot be recovered by anyone: the cases are then lost.</source>
        <translation>
            <numerusform>Minst %n tegn. En glemt passordfrase kan ikke gjenopprettes av noen: sakene er da tapt.</numerusform>
            <numerusform>Minst %n tegn. En glemt passordfrase kan ikke gjenopprettes av noen: sakene er da tapt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The keyring is no longer available: %1</source>
        <translation>Nøkkelringen er ikke lenger tilgjengelig: %1</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters.</source>
        <translation>
            <numerusform>Velg en passordfrase på minst %n tegn.</numerusform>
            <numerusform>Velg en passordfrase på minst %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>De to passordfrasene er ulike: skriv den samme to ganger.</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Generate a letter</source>
        <translation>Lag et brev</translation>
    </message>
    <message>
        <source>Kind of letter</source>
        <translation>Type brev</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt</source>
        <translation>Bekreftelse på mottak</translation>
    </message>
    <message>
        <source>Request for identification</source>
        <translation>Anmodning om identifikasjon</translation>
    </message>
    <message>
        <source>Extension notice (Art. 12(3))</source>
        <translation>Varsel om forlengelse (art. 12 nr. 3)</translation>
    </message>
    <message>
        <source>Refusal (Art. 12(5))</source>
        <translation>Avslag (art. 12 nr. 5)</translation>
    </message>
    <message>
        <source>Fee notice (Art. 12(5))</source>
        <translation>Varsel om gebyr (art. 12 nr. 5)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>What the person must send</source>
        <translation>Hva personen må sende</translation>
    </message>
    <message>
        <source>E.g. your customer number and the date of your last order.</source>
        <translation>F.eks. kundenummeret ditt og datoen for din siste bestilling.</translation>
    </message>
    <message>
        <source>Fee in kroner</source>
        <translation>Gebyr i kroner</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>&amp;Brev:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>&amp;Reasons:</source>
        <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
        <source>&amp;What to send:</source>
        <translation>&amp;Hva som skal sendes:</translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation>&amp;Gebyr:</translation>
    </message>
    <message>
        <source>Give the reasons: the person is owed them.</source>
        <translation>Oppgi begrunnelsen: personen har krav på den.</translation>
    </message>
    <message>
        <source>Say what the person must send to identify themselves.</source>
        <translation>Oppgi hva personen må sende for å identifisere seg.</translation>
    </message>
    <message>
        <source>Give the fee in kroner.</source>
        <translation>Oppgi gebyret i kroner.</translation>
    </message>
    <message>
        <source>Record the extension first (Extend…), then write the notice.</source>
        <translation>Registrer forlengelsen først (Forleng …), og skriv så varselet.</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <source>Erasure line</source>
        <translation>Slettelinje</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Grunnlag</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Beslutning:</translation>
    </message>
    <message>
        <source>&amp;Ground:</source>
        <translation>&amp;Grunnlag:</translation>
    </message>
    <message>
        <source>Kept or restricted:</source>
        <translation>Beholdt eller begrenset til:</translation>
    </message>
    <message>
        <source>&amp;Reason for the change:</source>
        <translation>&amp;Begrunnelse for endringen:</translation>
    </message>
    <message>
        <source>Changing a default line needs a reason.</source>
        <translation>Å endre en standardlinje krever en begrunnelse.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>Innsyn: data-subject requests</source>
        <translation>Innsyn: henvendelser fra registrerte</translation>
    </message>
    <message>
        <source>Cases and subjects</source>
        <translation>Saker og registrerte</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Oversikt</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Saker</translation>
    </message>
    <message>
        <source>Su&amp;bjects</source>
        <translation>&amp;Registrerte</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>Proto&amp;koll</translation>
    </message>
    <message>
        <source>Re&amp;tention</source>
        <translation>&amp;Lagringstid</translation>
    </message>
    <message>
        <source>&amp;New phone request…</source>
        <translation>&amp;Ny telefonhenvendelse …</translation>
    </message>
    <message>
        <source>&amp;Import e-mail…</source>
        <translation>&amp;Importer e-post …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Finn</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>&amp;About Innsyn</source>
        <translation>&amp;Om Innsyn</translation>
    </message>
    <message>
        <source>&amp;Annual statements…</source>
        <translation>Å&amp;rlige redegjørelser …</translation>
    </message>
    <message>
        <source>Import subject &amp;register…</source>
        <translation>Importer &amp;register over registrerte …</translation>
    </message>
    <message>
        <source>&amp;Export case log…</source>
        <translation>&amp;Eksporter sakslogg …</translation>
    </message>
    <message>
        <source>Annual &amp;report (PDF)…</source>
        <translation>Års&amp;rapport (PDF) …</translation>
    </message>
    <message>
        <source>Deadlines to &amp;calendar (.ics)…</source>
        <translation>Frister til ka&amp;lender (.ics) …</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Ta sikkerhets&amp;kopi nå</translation>
    </message>
    <message>
        <source>Re&amp;store from a backup…</source>
        <translation>&amp;Gjenopprett fra sikkerhetskopi …</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Innstillinger …</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menylinje</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hovedverktøylinje</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Saker</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Søk i saker</translation>
    </message>
    <message>
        <source>Reference, name, e-mail or phone number</source>
        <translation>Referanse, navn, e-post eller telefonnummer</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>Request type filter</source>
        <translation>Filter for henvendelsestype</translation>
    </message>
    <message>
        <source>Due window filter</source>
        <translation>Filter for frist</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <source>Due within 3 days (overdue included)</source>
        <translation>Frist innen 3 dager (forfalte medregnet)</translation>
    </message>
    <message>
        <source>Due within 7 days (overdue included)</source>
        <translation>Frist innen 7 dager (forfalte medregnet)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Søk:</translation>
    </message>
    <message>
        <source>Sta&amp;tus:</source>
        <translation>Sta&amp;tus:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>D&amp;ue:</source>
        <translation>&amp;Frist:</translation>
    </message>
    <message>
        <source>Number of cases shown</source>
        <translation>Antall saker som vises</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Registrerte</translation>
    </message>
    <message>
        <source>Search subjects</source>
        <translation>Søk blant de registrerte</translation>
    </message>
    <message>
        <source>Name, e-mail, phone, customer or supplier number</source>
        <translation>Navn, e-post, telefon, kunde- eller leverandørnummer</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Rollefilter</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statuslinje</translation>
    </message>
    <message>
        <source>Case counts</source>
        <translation>Antall saker</translation>
    </message>
    <message>
        <source>E-mail import progress</source>
        <translation>Fremdrift for e-postimporten</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v av %m filer</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Avbryt importen</translation>
    </message>
    <message>
        <source>Cancel the e-mail import</source>
        <translation>Avbryt e-postimporten</translation>
    </message>
    <message>
        <source>Working in the background</source>
        <translation>Arbeider i bakgrunnen</translation>
    </message>
    <message>
        <source>Open cases: {open} · Due this week: {week} · Overdue: {overdue}</source>
        <translation>Åpne saker: {open} · Frist denne uken: {week} · Forfalt: {overdue}</translation>
    </message>
    <message>
        <source>{n} case(s) shown</source>
        <translation>{n} sak(er) vises</translation>
    </message>
    <message>
        <source>Case {reference} logged.</source>
        <translation>Sak {reference} registrert.</translation>
    </message>
    <message>
        <source>Import e-mail</source>
        <translation>Importer e-post</translation>
    </message>
    <message>
        <source>E-mail files (*.eml *.msg);;All files (*)</source>
        <translation>E-postfiler (*.eml *.msg);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Not an e-mail</source>
        <translation>Ikke en e-post</translation>
    </message>
    <message>
        <source>Only e-mail files (.eml, .msg) can be imported. Not imported: {names}</source>
        <translation>Bare e-postfiler (.eml, .msg) kan importeres. Ikke importert: {names}</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}</source>
        <translation>{name} kan ikke leses: {reason}</translation>
    </message>
    <message>
        <source>An import is already running: wait for it or cancel it first.</source>
        <translation>En import pågår allerede: vent på den eller avbryt den først.</translation>
    </message>
    <message>
        <source>Importing {n} e-mail files…</source>
        <translation>Importerer {n} e-postfiler …</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>Avbryter importen …</translation>
    </message>
    <message>
        <source>E-mail import</source>
        <translation>Import av e-post</translation>
    </message>
    <message>
        <source>Import a subject register</source>
        <translation>Importer et register over registrerte</translation>
    </message>
    <message>
        <source>Registers (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Registre (*.csv *.xlsx *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Skriver {file} …</translation>
    </message>
    <message>
        <source>Save the annual report</source>
        <translation>Lagre årsrapporten</translation>
    </message>
    <message>
        <source>Annual report {year} saved: {n} requests.</source>
        <translation>Årsrapport {year} lagret: {n} henvendelser.</translation>
    </message>
    <message>
        <source>Save the deadlines as a calendar</source>
        <translation>Lagre fristene som kalender</translation>
    </message>
    <message>
        <source>{n} deadline(s) saved to {file}: open it in Outlook or your calendar.</source>
        <translation>{n} frist(er) lagret i {file}: åpne den i Outlook eller kalenderen din.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Tar sikkerhetskopi …</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sikkerhetskopi</translation>
    </message>
    <message>
        <source>Backup written: {file}</source>
        <translation>Sikkerhetskopi skrevet: {file}</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Velg sikkerhetskopien som skal gjenopprettes</translation>
    </message>
    <message>
        <source>Innsyn backups (*.sqlite3)</source>
        <translation>Innsyn-sikkerhetskopier (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Gjenopprett fra sikkerhetskopi</translation>
    </message>
    <message>
        <source>Innsyn will close, replace the database by {file} after checking it, and keep the current file aside. Start Innsyn again afterwards. Continue?</source>
        <translation>Innsyn lukkes, erstatter databasen med {file} etter å ha kontrollert den, og tar vare på den nåværende filen. Start Innsyn på nytt etterpå. Vil du fortsette?</translation>
    </message>
    <message>
        <source>The database file could not be checked: {message}</source>
        <translation>Databasefilen kunne ikke kontrolleres: {message}</translation>
    </message>
    <message>
        <source>Innsyn: the database is damaged</source>
        <translation>Innsyn: databasen er skadet</translation>
    </message>
    <message>
        <source>{problem}

The check of the whole database file found this. There is no backup of this database to restore. Copy the database file somewhere safe now and ask for help before you go on.</source>
        <translation>{problem}

Kontrollen av hele databasefilen fant dette. Det finnes ingen sikkerhetskopi av denne databasen å gjenopprette. Kopier databasefilen til et trygt sted nå, og be om hjelp før du går videre.</translation>
    </message>
    <message>
        <source>{problem}

The check of the whole database file found this. Innsyn can close now and offer the newest good backup to restore; the damaged file is kept aside.

Close Innsyn and restore a backup now?</source>
        <translation>{problem}

Kontrollen av hele databasefilen fant dette. Innsyn kan lukkes nå og tilby den nyeste gode sikkerhetskopien til gjenoppretting; den skadde filen blir lagt til side.

Lukke Innsyn og gjenopprette en sikkerhetskopi nå?</translation>
    </message>
    <message>
        <source>About Innsyn</source>
        <translation>Om Innsyn</translation>
    </message>
    <message>
        <source>Innsyn {version}

The privacy officer&apos;s workbench for data-subject requests under the GDPR in Norway.</source>
        <translation>Innsyn {version}

Personvernansvarliges arbeidsverktøy for henvendelser fra registrerte etter personvernforordningen i Norge.</translation>
    </message>
</context>
<context>
    <name>MarkAnsweredDialog</name>
    <message>
        <source>Mark answered</source>
        <translation>Merk som besvart</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Besvart den</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Sendt per</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Answered &amp;on:</source>
        <translation>Besvart &amp;den:</translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation>Sendt &amp;per:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notat:</translation>
    </message>
</context>
<context>
    <name>MarkSentDialog</name>
    <message>
        <source>Mark sent</source>
        <translation>Merk som sendt</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sendt den</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Sendt per</translation>
    </message>
    <message>
        <source>Sent &amp;on:</source>
        <translation>Sendt &amp;den:</translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation>Sendt &amp;per:</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Innsyn: choose a passphrase</source>
        <translation>Innsyn: velg en passordfrase</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passordfrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passordfrasen én gang til</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passordfrase:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Gjenta:</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Bruk minst %n tegn.</numerusform>
            <numerusform>Bruk minst %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De to passordfrasene er ulike.</translation>
    </message>
</context>
<context>
    <name>NotNotifiedDialog</name>
    <message>
        <source>Recipient not notified</source>
        <translation>Mottakeren er ikke varslet</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Hvorfor ikke</translation>
    </message>
    <message>
        <source>Impossible</source>
        <translation>Umulig</translation>
    </message>
    <message>
        <source>Disproportionate effort</source>
        <translation>Uforholdsmessig stor innsats</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>&amp;Ground (Art. 19):</source>
        <translation>&amp;Grunnlag (art. 19):</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Hvorfor:</translation>
    </message>
    <message>
        <source>Say why the recipient cannot be, or need not be, told.</source>
        <translation>Oppgi hvorfor mottakeren ikke kan, eller ikke trenger å, bli varslet.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>{n} page(s)</source>
        <translation>{n} side(r)</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Antall sider</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>PlacesPage</name>
    <message>
        <source>Where things live</source>
        <translation>Hvor ting lagres</translation>
    </message>
    <message>
        <source>The database file, and the folder its backups go to.</source>
        <translation>Databasefilen, og mappen sikkerhetskopiene havner i.</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>&amp;Databasefil:</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Databasefil</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>&amp;Mappe for sikkerhetskopier:</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Mappe for sikkerhetskopier</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Velg databasefilen</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Velg mappen for sikkerhetskopier</translation>
    </message>
    <message>
        <source>One encrypted file holds every case. The default is Innsyn&apos;s data folder on this computer.</source>
        <translation>Én kryptert fil inneholder alle sakene. Standard er Innsyns datamappe på denne datamaskinen.</translation>
    </message>
    <message>
        <source>Innsyn backs the database up when it closes, and keeps 7 daily, 4 weekly and 12 monthly copies (encrypted, like the database). A network share is common: the backups then survive the loss of this computer.</source>
        <translation>Innsyn tar sikkerhetskopi av databasen når programmet lukkes, og beholder 7 daglige, 4 ukentlige og 12 månedlige kopier (kryptert, som databasen). En nettverksmappe er vanlig: da overlever sikkerhetskopiene om denne datamaskinen går tapt.</translation>
    </message>
    <message>
        <source>Where to keep the database</source>
        <translation>Hvor databasen skal lagres</translation>
    </message>
    <message>
        <source>Innsyn database (*.sqlite3)</source>
        <translation>Innsyn-database (*.sqlite3)</translation>
    </message>
    <message>
        <source>Folder for the backups</source>
        <translation>Mappe for sikkerhetskopiene</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>Databasefil: %1</translation>
    </message>
    <message>
        <source>Backup folder: %1</source>
        <translation>Mappe for sikkerhetskopier: %1</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Merk alt</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>Et steg &amp;opp</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Et steg &amp;ned</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopier &amp;lenkeadresse</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tilbake</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Neste &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fullfør</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Bekreft</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <source>Edit recipient</source>
        <translation>Rediger mottaker</translation>
    </message>
    <message>
        <source>Add recipient</source>
        <translation>Legg til mottaker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Leave empty where the name is the same in Bokmål</source>
        <translation>La stå tomt der navnet er det samme på bokmål</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Data Processing Agreement reference</source>
        <translation>Referanse til databehandleravtalen</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signert den</translation>
    </message>
    <message>
        <source>The agreement&apos;s date is known</source>
        <translation>Datoen for avtalen er kjent</translation>
    </message>
    <message>
        <source>Date of the agreement</source>
        <translation>Datoen for avtalen</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>&amp;Data Processing Agreement:</source>
        <translation>&amp;Databehandleravtale:</translation>
    </message>
    <message>
        <source>Agreement date:</source>
        <translation>Avtaledato:</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Kontakt:</translation>
    </message>
</context>
<context>
    <name>RegisterEditors</name>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Bokmål</source>
        <translation>Bokmål</translation>
    </message>
    <message>
        <source>{field} in Bokmål</source>
        <translation>{field} på bokmål</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>after the last purchase</source>
        <translation>etter siste kjøp</translation>
    </message>
    <message>
        <source>after the last contact</source>
        <translation>etter siste kontakt</translation>
    </message>
    <message>
        <source>after the end of the financial year</source>
        <translation>etter utløpet av regnskapsåret</translation>
    </message>
    <message>
        <source>after the case is closed</source>
        <translation>etter at saken er avsluttet</translation>
    </message>
    <message>
        <source>after collection</source>
        <translation>etter innsamling</translation>
    </message>
    <message>
        <source>as required by applicable law</source>
        <translation>slik gjeldende lov krever</translation>
    </message>
    <message>
        <source>processor</source>
        <translation>databehandler</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>behandlingsansvarlig</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>myndighet</translation>
    </message>
    <message>
        <source>(a) consent</source>
        <translation>(a) samtykke</translation>
    </message>
    <message>
        <source>(b) contract</source>
        <translation>(b) avtale</translation>
    </message>
    <message>
        <source>(c) legal obligation</source>
        <translation>(c) rettslig forpliktelse</translation>
    </message>
    <message>
        <source>(d) vital interests</source>
        <translation>(d) vitale interesser</translation>
    </message>
    <message>
        <source>(e) public interest</source>
        <translation>(e) allmennhetens interesse</translation>
    </message>
    <message>
        <source>(f) legitimate interests</source>
        <translation>(f) berettigede interesser</translation>
    </message>
    <message>
        <source>{text} (not written in Bokmål)</source>
        <translation>{text} (ikke skrevet på bokmål)</translation>
    </message>
    <message>
        <source>Register of processing activities</source>
        <translation>Protokoll over behandlingsaktiviteter</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;Activities</source>
        <translation>&amp;Aktiviteter</translation>
    </message>
    <message>
        <source>Retention &amp;rules</source>
        <translation>&amp;Lagringsregler</translation>
    </message>
    <message>
        <source>Re&amp;cipients</source>
        <translation>&amp;Mottakere</translation>
    </message>
    <message>
        <source>S&amp;ystems</source>
        <translation>S&amp;ystemer</translation>
    </message>
    <message>
        <source>Controller &amp;profile</source>
        <translation>&amp;Behandlingsansvarlig</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <source>Show Innsyn</source>
        <translation>Vis Innsyn</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Innsyn: deadline reminders</source>
        <translation>Innsyn: påminnelser om frister</translation>
    </message>
    <message>
        <source>{reference} is overdue</source>
        <translation>{reference} har forfalt</translation>
    </message>
    <message>
        <source>{reference} is due today</source>
        <translation>{reference} har frist i dag</translation>
    </message>
    <message>
        <source>{reference} is due tomorrow</source>
        <translation>{reference} har frist i morgen</translation>
    </message>
    <message>
        <source>{reference} is due in {days} days</source>
        <translation>{reference} har frist om {days} dager</translation>
    </message>
    <message>
        <source>Innsyn: deadlines</source>
        <translation>Innsyn: frister</translation>
    </message>
</context>
<context>
    <name>RestrictionBanner</name>
    <message>
        <source>Restriction of processing</source>
        <translation>Begrensning av behandling</translation>
    </message>
    <message>
        <source>all processing</source>
        <translation>all behandling</translation>
    </message>
    <message>
        <source>{scope} (Art. 18(1)({ground}), since {since})</source>
        <translation>{scope} (art. 18 nr. 1 bokstav {ground}, siden {since})</translation>
    </message>
    <message>
        <source>Processing restricted (GDPR Art. 18): store only, use nothing. {scopes}</source>
        <translation>Behandlingen er begrenset (personvernforordningen art. 18): bare lagre, ikke bruke noe. {scopes}</translation>
    </message>
</context>
<context>
    <name>RetentionRow</name>
    <message>
        <source>Data the rule applies to</source>
        <translation>Opplysninger regelen gjelder</translation>
    </message>
    <message>
        <source>Which data, e.g. invoices and payments</source>
        <translation>Hvilke opplysninger, f.eks. fakturaer og betalinger</translation>
    </message>
    <message>
        <source>In Bokmål, e.g. fakturaer og betalinger</source>
        <translation>På bokmål, f.eks. fakturaer og betalinger</translation>
    </message>
    <message>
        <source>Retention rule</source>
        <translation>Lagringsregel</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>(utgått)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Remove this retention line</source>
        <translation>Fjern denne lagringslinjen</translation>
    </message>
</context>
<context>
    <name>RetentionSweepView</name>
    <message>
        <source>Retention sweep</source>
        <translation>Gjennomgang av lagringstid</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>&amp;Per dato:</translation>
    </message>
    <message>
        <source>Sweep as of</source>
        <translation>Gjennomgang per dato</translation>
    </message>
    <message>
        <source>&amp;Sweep</source>
        <translation>&amp;Gå gjennom</translation>
    </message>
    <message>
        <source>Run the retention sweep</source>
        <translation>Kjør gjennomgangen av lagringstid</translation>
    </message>
    <message>
        <source>Items due</source>
        <translation>Forfalte poster</translation>
    </message>
    <message>
        <source>Data due for deletion</source>
        <translation>Opplysninger som skal slettes</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Kryss av &amp;alle</translation>
    </message>
    <message>
        <source>Tick every line</source>
        <translation>Kryss av alle linjer</translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation>&amp;Fjern alle kryss</translation>
    </message>
    <message>
        <source>Untick every line</source>
        <translation>Fjern krysset på alle linjer</translation>
    </message>
    <message>
        <source>Lines ticked</source>
        <translation>Avkryssede linjer</translation>
    </message>
    <message>
        <source>&amp;Create erasure cases for the selected</source>
        <translation>&amp;Opprett slettesaker for de valgte</translation>
    </message>
    <message>
        <source>Create erasure cases for the selected people</source>
        <translation>Opprett slettesaker for de valgte personene</translation>
    </message>
    <message>
        <source>&amp;De-identify selected closed cases…</source>
        <translation>A&amp;videntifiser valgte avsluttede saker …</translation>
    </message>
    <message>
        <source>De-identify the selected closed cases</source>
        <translation>Avidentifiser de valgte avsluttede sakene</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Eksporter CSV …</translation>
    </message>
    <message>
        <source>Export the list as CSV</source>
        <translation>Eksporter listen som CSV</translation>
    </message>
    <message>
        <source>Include &amp;names in the export</source>
        <translation>Ta med &amp;navn i eksporten</translation>
    </message>
    <message>
        <source>Include names in the export</source>
        <translation>Ta med navn i eksporten</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Sweeping…</source>
        <translation>Går gjennom …</translation>
    </message>
    <message>
        <source>Sweeping… {percent} %</source>
        <translation>Går gjennom … {percent} %</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) due for deletion as of {date}</source>
        <translation>
            <numerusform>%n post forfalt til sletting per {date}</numerusform>
            <numerusform>%n poster forfalt til sletting per {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Personal data: {items} line(s) of %n person(s). Kept under a legal ground: {kept}. Closed request cases: {closed}.</source>
        <translation>
            <numerusform>Personopplysninger: {items} linje(r) om %n person. Beholdt med rettslig grunnlag: {kept}. Avsluttede henvendelsessaker: {closed}.</numerusform>
            <numerusform>Personopplysninger: {items} linje(r) om %n personer. Beholdt med rettslig grunnlag: {kept}. Avsluttede henvendelsessaker: {closed}.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sweep failed: {message}</source>
        <translation>Gjennomgangen mislyktes: {message}</translation>
    </message>
    <message numerus="yes">
        <source>%n rows are selected: too many to read one by one. Use Tick all for the whole list.</source>
        <translation>
            <numerusform>%n rad er valgt: for mange til å leses én etter én. Bruk «Kryss av alle» for hele listen.</numerusform>
            <numerusform>%n rader er valgt: for mange til å leses én etter én. Bruk «Kryss av alle» for hele listen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) ticked</source>
        <translation>
            <numerusform>%n linje krysset av</numerusform>
            <numerusform>%n linjer krysset av</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the people&apos;s data to erase first: kept data and closed cases are not erased through a new case.</source>
        <translation>Kryss først av personopplysningene som skal slettes: opplysninger som beholdes og avsluttede saker slettes ikke gjennom en ny sak.</translation>
    </message>
    <message numerus="yes">
        <source>%n erasure case(s) created: {references}</source>
        <translation>
            <numerusform>%n slettesak opprettet: {references}</numerusform>
            <numerusform>%n slettesaker opprettet: {references}</numerusform>
        </translation>
    </message>
    <message>
        <source>No erasure case was created.</source>
        <translation>Ingen slettesak ble opprettet.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) skipped: an erasure case is already open, or the person is erased.</source>
        <translation>
            <numerusform>%n person hoppet over: en slettesak er allerede åpen, eller personen er slettet.</numerusform>
            <numerusform>%n personer hoppet over: en slettesak er allerede åpen, eller personen er slettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create erasure cases</source>
        <translation>Opprett slettesaker</translation>
    </message>
    <message numerus="yes">
        <source>Create erasure cases for %n line(s) of personal data, one case per person? For a long list this takes a while; it runs in the background.</source>
        <translation>
            <numerusform>Opprette slettesaker for %n linje med personopplysninger, én sak per person? For en lang liste tar dette en stund; det skjer i bakgrunnen.</numerusform>
            <numerusform>Opprette slettesaker for %n linjer med personopplysninger, én sak per person? For en lang liste tar dette en stund; det skjer i bakgrunnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating erasure cases…</source>
        <translation>Oppretter slettesaker …</translation>
    </message>
    <message>
        <source>Tick the closed cases to de-identify first.</source>
        <translation>Kryss først av de avsluttede sakene som skal avidentifiseres.</translation>
    </message>
    <message>
        <source>De-identify closed cases</source>
        <translation>Avidentifiser avsluttede saker</translation>
    </message>
    <message numerus="yes">
        <source>De-identify %n closed case(s)? Call notes, contact details, e-mails and the content of stored documents are removed for good; the references, dates and what was done stay. A person with no other case who is not in the register for another reason is erased too.</source>
        <translation>
            <numerusform>Avidentifisere %n avsluttet sak? Samtalenotater, kontaktopplysninger, e-post og innholdet i lagrede dokumenter fjernes for godt; saksnummer, datoer og hva som ble gjort, blir stående. En person uten andre saker som ikke er registrert av en annen grunn, slettes også.</numerusform>
            <numerusform>Avidentifisere %n avsluttede saker? Samtalenotater, kontaktopplysninger, e-post og innholdet i lagrede dokumenter fjernes for godt; saksnumre, datoer og hva som ble gjort, blir stående. En person uten andre saker som ikke er registrert av en annen grunn, slettes også.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) de-identified: {references}</source>
        <translation>
            <numerusform>%n sak avidentifisert: {references}</numerusform>
            <numerusform>%n saker avidentifisert: {references}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person record(s) erased with them.</source>
        <translation>
            <numerusform>%n personoppføring slettet sammen med dem.</numerusform>
            <numerusform>%n personoppføringer slettet sammen med dem.</numerusform>
        </translation>
    </message>
    <message>
        <source>De-identifying closed cases…</source>
        <translation>Avidentifiserer avsluttede saker …</translation>
    </message>
    <message>
        <source>Export the retention sweep</source>
        <translation>Eksporter gjennomgangen av lagringstid</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alle filer (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to {path}</source>
        <translation>
            <numerusform>%n linje skrevet til {path}</numerusform>
            <numerusform>%n linjer skrevet til {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RightsPanel</name>
    <message>
        <source>Rights of case {reference}</source>
        <translation>Rettigheter i sak {reference}</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Rettigheter</translation>
    </message>
    <message>
        <source>&amp;Close case…</source>
        <translation>&amp;Avslutt saken …</translation>
    </message>
    <message>
        <source>Erasure (Art. 17)</source>
        <translation>Sletting (art. 17)</translation>
    </message>
    <message>
        <source>Erasure status</source>
        <translation>Status for sletting</translation>
    </message>
    <message>
        <source>Erasure matrix</source>
        <translation>Slettematrise</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Opplysninger</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>Grunnlag</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>&amp;Edit line…</source>
        <translation>&amp;Rediger linje …</translation>
    </message>
    <message>
        <source>&amp;Apply erasure…</source>
        <translation>&amp;Utfør sletting …</translation>
    </message>
    <message>
        <source>Systems to change</source>
        <translation>Systemer som skal endres</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Utført den</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Create &amp;tasks from the register</source>
        <translation>Lag &amp;oppgaver fra protokollen</translation>
    </message>
    <message>
        <source>Done on…</source>
        <translation>Utført den …</translation>
    </message>
    <message>
        <source>Rectification (Art. 16)</source>
        <translation>Retting (art. 16)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Postadresse</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-postadresser</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>skilt med komma</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnumre</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundenummer</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Kjent</translation>
    </message>
    <message>
        <source>Last purchase known</source>
        <translation>Siste kjøp er kjent</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Siste kjøp</translation>
    </message>
    <message>
        <source>Last contact known</source>
        <translation>Siste kontakt er kjent</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Siste kontakt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>Postal &amp;address:</source>
        <translation>Post&amp;adresse:</translation>
    </message>
    <message>
        <source>&amp;E-mail addresses:</source>
        <translation>&amp;E-postadresser:</translation>
    </message>
    <message>
        <source>&amp;Phone numbers:</source>
        <translation>&amp;Telefonnumre:</translation>
    </message>
    <message>
        <source>C&amp;ustomer number:</source>
        <translation>K&amp;undenummer:</translation>
    </message>
    <message>
        <source>Last purchase:</source>
        <translation>Siste kjøp:</translation>
    </message>
    <message>
        <source>Last contact:</source>
        <translation>Siste kontakt:</translation>
    </message>
    <message>
        <source>&amp;Save corrections</source>
        <translation>&amp;Lagre rettelsene</translation>
    </message>
    <message>
        <source>Corrections recorded</source>
        <translation>Registrerte rettelser</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Gammel verdi</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Ny verdi</translation>
    </message>
    <message>
        <source>Changed (Oslo)</source>
        <translation>Endret (norsk tid)</translation>
    </message>
    <message>
        <source>Restriction (Art. 18)</source>
        <translation>Begrensning (art. 18)</translation>
    </message>
    <message>
        <source>Ground, Art. 18(1)</source>
        <translation>Grunnlag, art. 18 nr. 1</translation>
    </message>
    <message>
        <source>What is restricted</source>
        <translation>Hva som begrenses</translation>
    </message>
    <message>
        <source>All processing of the person&apos;s data</source>
        <translation>All behandling av personens opplysninger</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Planlagt slutt</translation>
    </message>
    <message>
        <source>&amp;Ground:</source>
        <translation>&amp;Grunnlag:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Omfang:</translation>
    </message>
    <message>
        <source>&amp;Restrict</source>
        <translation>&amp;Begrens</translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation>Begrensninger</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Omfang</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Siden</translation>
    </message>
    <message>
        <source>Person told</source>
        <translation>Personen varslet</translation>
    </message>
    <message>
        <source>Lifted</source>
        <translation>Opphevet</translation>
    </message>
    <message>
        <source>Person &amp;told…</source>
        <translation>Personen &amp;varslet …</translation>
    </message>
    <message>
        <source>&amp;Lift…</source>
        <translation>&amp;Opphev …</translation>
    </message>
    <message>
        <source>Objection (Art. 21)</source>
        <translation>Protest (art. 21)</translation>
    </message>
    <message>
        <source>Processing objected to</source>
        <translation>Behandlingen det protesteres mot</translation>
    </message>
    <message>
        <source>&amp;Stop direct marketing now</source>
        <translation>&amp;Stopp direkte markedsføring nå</translation>
    </message>
    <message>
        <source>Outcome of a general objection</source>
        <translation>Utfallet av en generell protest</translation>
    </message>
    <message>
        <source>Record &amp;objection</source>
        <translation>Registrer &amp;protest</translation>
    </message>
    <message>
        <source>&amp;Processing:</source>
        <translation>&amp;Behandling:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Protester</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Behandling</translation>
    </message>
    <message>
        <source>Direct marketing</source>
        <translation>Direkte markedsføring</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stoppet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Recipients to notify (Art. 19)</source>
        <translation>Mottakere som skal varsles (art. 19)</translation>
    </message>
    <message>
        <source>Recipients to notify</source>
        <translation>Mottakere som skal varsles</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Mottaker</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notified on</source>
        <translation>Varslet den</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Måte</translation>
    </message>
    <message>
        <source>&amp;Notified…</source>
        <translation>&amp;Varslet …</translation>
    </message>
    <message>
        <source>N&amp;ot notified…</source>
        <translation>&amp;Ikke varslet …</translation>
    </message>
    <message>
        <source>Notice &amp;letter</source>
        <translation>Varsels&amp;brev</translation>
    </message>
    <message>
        <source>&amp;Copy e-mail text</source>
        <translation>&amp;Kopier e-postteksten</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Norwegian (Bokmål)</source>
        <translation>Norsk (bokmål)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Name the recipients (the person asked)</source>
        <translation>Navngi mottakerne (personen ba om det)</translation>
    </message>
    <message>
        <source>Name the recipients</source>
        <translation>Navngi mottakerne</translation>
    </message>
    <message>
        <source>&amp;Generate letter</source>
        <translation>&amp;Lag brev</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>Erasure applied on {date}; the person is kept only as {pseudonym}.</source>
        <translation>Sletting utført {date}; personen finnes nå bare som {pseudonym}.</translation>
    </message>
    <message>
        <source>Defaults from the register: change a line only with a reason.</source>
        <translation>Standardverdier fra protokollen: endre en linje bare med en begrunnelse.</translation>
    </message>
    <message>
        <source>Decision for {data}</source>
        <translation>Beslutning for {data}</translation>
    </message>
    <message>
        <source>as the law requires</source>
        <translation>slik loven krever</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(standard)</translation>
    </message>
    <message>
        <source>(cleared)</source>
        <translation>(fjernet)</translation>
    </message>
    <message>
        <source>All processing</source>
        <translation>All behandling</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>Choose a line of the matrix first.</source>
        <translation>Velg en linje i matrisen først.</translation>
    </message>
    <message>
        <source>Erase the person&apos;s data now? This cannot be undone.

Erased:
{erased}

Kept:
{kept}

The workbench&apos;s own record of the person (name, contact details, e-mails, letters, notes) is erased too; the case stays under {pseudonym}. The confirmation letter is written now and not kept: save it when asked.</source>
        <translation>Slette personens opplysninger nå? Dette kan ikke angres.

Slettes:
{erased}

Beholdes:
{kept}

Arbeidsverktøyets egne opplysninger om personen (navn, kontaktopplysninger, e-poster, brev, notater) slettes også; saken blir stående under {pseudonym}. Bekreftelsesbrevet skrives nå og lagres ikke: lagre det når du blir spurt.</translation>
    </message>
    <message>
        <source>Apply erasure</source>
        <translation>Utfør sletting</translation>
    </message>
    <message>
        <source>Save the confirmation letter</source>
        <translation>Lagre bekreftelsesbrevet</translation>
    </message>
    <message>
        <source>The confirmation letter was not saved. Only its SHA-256 is kept with the case.</source>
        <translation>Bekreftelsesbrevet ble ikke lagret. Bare SHA-256 for brevet er lagret i saken.</translation>
    </message>
    <message>
        <source>System done</source>
        <translation>System ferdig</translation>
    </message>
    <message>
        <source>Nothing has been changed in the form.</source>
        <translation>Ingenting er endret i skjemaet.</translation>
    </message>
    <message>
        <source>Choose a restriction first.</source>
        <translation>Velg en begrensning først.</translation>
    </message>
    <message>
        <source>Person told of the lifting</source>
        <translation>Personen varslet om opphevingen</translation>
    </message>
    <message>
        <source>Lift the restriction</source>
        <translation>Opphev begrensningen</translation>
    </message>
    <message>
        <source>Choose a recipient first.</source>
        <translation>Velg en mottaker først.</translation>
    </message>
    <message>
        <source>Recipient notified</source>
        <translation>Mottakeren er varslet</translation>
    </message>
    <message>
        <source>Close with open notices</source>
        <translation>Avslutt med åpne varsler</translation>
    </message>
    <message>
        <source>{count} recipient notice(s) are still open. A case closes with open notices only with a note saying why (Art. 19):</source>
        <translation>{count} varsel/varsler til mottakere er fortsatt åpne. En sak kan bare avsluttes med åpne varsler med et notat om hvorfor (art. 19):</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Edit retention rule</source>
        <translation>Rediger lagringsregel</translation>
    </message>
    <message>
        <source>Add retention rule</source>
        <translation>Legg til lagringsregel</translation>
    </message>
    <message>
        <source>Data kept under the rule</source>
        <translation>Opplysninger som lagres etter regelen</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>År</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Måneder</translation>
    </message>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source>Counted from</source>
        <translation>Regnet fra</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Rettslig grunnlag</translation>
    </message>
    <message>
        <source>&amp;Justification:</source>
        <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Deletion criteria</source>
        <translation>Kriterier for sletting</translation>
    </message>
    <message>
        <source>Statutory minimum warning</source>
        <translation>Advarsel om lovens minimum</translation>
    </message>
    <message>
        <source>&amp;Data kept:</source>
        <translation>&amp;Opplysninger som lagres:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>&amp;Counted:</source>
        <translation>&amp;Regnet:</translation>
    </message>
    <message>
        <source>&amp;Legal reference:</source>
        <translation>Rettslig &amp;grunnlag:</translation>
    </message>
    <message>
        <source>Deletion:</source>
        <translation>Sletting:</translation>
    </message>
    <message>
        <source>&amp;Justification (required):</source>
        <translation>&amp;Begrunnelse (påkrevd):</translation>
    </message>
    <message>
        <source>Bookkeeping records</source>
        <translation>Regnskapsmateriale</translation>
    </message>
    <message>
        <source>{kind} need only be kept {minimum} ({reference}); this rule keeps them {period}. Give the justification.</source>
        <translation>{kind} trenger bare å lagres {minimum} ({reference}); denne regelen lagrer dem {period}. Oppgi begrunnelsen.</translation>
    </message>
    <message>
        <source>This rule keeps the data longer than the statutory minimum: give the justification before saving.</source>
        <translation>Denne regelen lagrer opplysningene lenger enn lovens minimum: oppgi begrunnelsen før du lagrer.</translation>
    </message>
</context>
<context>
    <name>SamplesPage</name>
    <message>
        <source>Sample cases</source>
        <translation>Eksempelsaker</translation>
    </message>
    <message>
        <source>To try the workbench before the first real request.</source>
        <translation>For å prøve arbeidsverktøyet før den første virkelige henvendelsen.</translation>
    </message>
    <message>
        <source>Six made-up requests over the last weeks: one overdue, one due soon, one answered, one waiting for identification. They are clearly marked [EKSEMPEL] and removable in one step under Settings, without touching real cases.</source>
        <translation>Seks oppdiktede henvendelser fra de siste ukene: én forfalt, én med frist snart, én besvart, én som venter på identifikasjon. De er tydelig merket [EKSEMPEL] og kan fjernes i ett steg under Innstillinger, uten at virkelige saker berøres.</translation>
    </message>
    <message>
        <source>Add &amp;sample cases</source>
        <translation>Legg til &amp;eksempelsaker</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Innsyn: unlock the database</source>
        <translation>Innsyn: lås opp databasen</translation>
    </message>
    <message>
        <source>Recovery key or passphrase</source>
        <translation>Gjenopprettingsnøkkel eller passordfrase</translation>
    </message>
    <message>
        <source>Recovery key (16 groups of 4) or passphrase</source>
        <translation>Gjenopprettingsnøkkel (16 grupper à 4) eller passordfrase</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Innsyn: settings</source>
        <translation>Innsyn: innstillinger</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Controller</source>
        <translation>&amp;Behandlingsansvarlig</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>Sikkerhets&amp;kopier</translation>
    </message>
    <message>
        <source>&amp;Sample cases</source>
        <translation>&amp;Eksempelsaker</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>As the computer (system)</source>
        <translation>Som datamaskinen (system)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Saved for this computer. Windows opened from now on use the new language at once; restart Innsyn to see it in the main window too. Letters and statements follow each case&apos;s own language.</source>
        <translation>Lagres for denne datamaskinen. Vinduer som åpnes fra nå av, bruker det nye språket med en gang; start Innsyn på nytt for å se det i hovedvinduet også. Brev og redegjørelser følger språket til hver enkelt sak.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Mappe for sikkerhetskopier</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Velg mappen for sikkerhetskopier</translation>
    </message>
    <message>
        <source>Back up &amp;now</source>
        <translation>Ta sikkerhetskopi &amp;nå</translation>
    </message>
    <message>
        <source>A backup is taken when Innsyn closes; 7 daily, 4 weekly and 12 monthly copies are kept, encrypted like the database. A network share is common: the backups then survive the loss of this computer.</source>
        <translation>Det tas en sikkerhetskopi når Innsyn lukkes; 7 daglige, 4 ukentlige og 12 månedlige kopier beholdes, kryptert som databasen. En nettverksmappe er vanlig: da overlever sikkerhetskopiene om denne datamaskinen går tapt.</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Mappe for sikkerhetskopier:</translation>
    </message>
    <message>
        <source>Latest backup:</source>
        <translation>Siste sikkerhetskopi:</translation>
    </message>
    <message>
        <source>&amp;Remove sample cases</source>
        <translation>&amp;Fjern eksempelsakene</translation>
    </message>
    <message>
        <source>&amp;Add sample cases</source>
        <translation>&amp;Legg til eksempelsaker</translation>
    </message>
    <message>
        <source>Sample cases are made up, marked [EKSEMPEL], and numbered EKS-01 and on. Removing them removes them completely (their subjects, events and documents) and touches nothing else; the audit trail records it.</source>
        <translation>Eksempelsakene er oppdiktet, merket [EKSEMPEL] og nummerert fra EKS-01. Å fjerne dem fjerner dem helt (de registrerte, hendelsene og dokumentene deres) og berører ingenting annet; revisjonsloggen registrerer det.</translation>
    </message>
    <message>
        <source>A passphrase, typed at every start</source>
        <translation>En passordfrase, skrevet inn ved hver oppstart</translation>
    </message>
    <message>
        <source>In this computer&apos;s keyring (the recovery sheet opens it elsewhere)</source>
        <translation>I denne datamaskinens nøkkelring (gjenopprettingsarket åpner den andre steder)</translation>
    </message>
    <message>
        <source>To use another database file, start Innsyn with --db and its path. Moving the file: close Innsyn first, and move it with its backups.</source>
        <translation>For å bruke en annen databasefil, start Innsyn med --db og stien til filen. For å flytte filen: lukk Innsyn først, og flytt den sammen med sikkerhetskopiene.</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Databasefil:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Nøkkel:</translation>
    </message>
    <message>
        <source>Database id:</source>
        <translation>Database-ID:</translation>
    </message>
    <message>
        <source>Folder for the backups</source>
        <translation>Mappe for sikkerhetskopiene</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ingen ennå</translation>
    </message>
    <message>
        <source>Backup folder: %1</source>
        <translation>Mappe for sikkerhetskopier: %1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Tar sikkerhetskopi …</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Sikkerhetskopi skrevet: %1</translation>
    </message>
    <message>
        <source>No backup: %1</source>
        <translation>Ingen sikkerhetskopi: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sample case(s) in this database.</source>
        <translation>
            <numerusform>%n eksempelsak i denne databasen.</numerusform>
            <numerusform>%n eksempelsaker i denne databasen.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no sample cases in this database.</source>
        <translation>Det er ingen eksempelsaker i denne databasen.</translation>
    </message>
    <message>
        <source>Remove sample cases</source>
        <translation>Fjern eksempelsakene</translation>
    </message>
    <message>
        <source>Remove every sample case, with its made-up subject and events? Real cases are not touched.</source>
        <translation>Fjerne alle eksempelsakene, med de oppdiktede registrerte og hendelsene deres? Virkelige saker berøres ikke.</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message numerus="yes">
        <source>%n sample case(s) removed.</source>
        <translation>
            <numerusform>%n eksempelsak fjernet.</numerusform>
            <numerusform>%n eksempelsaker fjernet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Innsyn will be in Norwegian Bokmål from the next start. Until then it stays as it is.</source>
        <translation>Innsyn blir på norsk bokmål fra neste oppstart. Til da forblir alt som det er.</translation>
    </message>
    <message>
        <source>Innsyn will be in English from the next start. Until then it stays as it is.</source>
        <translation>Innsyn blir på engelsk fra neste oppstart. Til da forblir alt som det er.</translation>
    </message>
    <message>
        <source>Wait for the backup to finish.</source>
        <translation>Vent til sikkerhetskopien er ferdig.</translation>
    </message>
</context>
<context>
    <name>SubjectChoiceDialog</name>
    <message>
        <source>Is this someone already on record?</source>
        <translation>Er dette noen som allerede er registrert?</translation>
    </message>
    <message>
        <source>These people on record may be the person who made the request. Link the request to one of them, or create a new person.</source>
        <translation>Disse registrerte personene kan være den som sendte henvendelsen. Knytt henvendelsen til en av dem, eller opprett en ny person.</translation>
    </message>
    <message>
        <source>Link to this person</source>
        <translation>Knytt til denne personen</translation>
    </message>
    <message>
        <source>Link to {name}</source>
        <translation>Knytt til {name}</translation>
    </message>
    <message>
        <source>Create a new person</source>
        <translation>Opprett en ny person</translation>
    </message>
    <message>
        <source>Cancel, nothing is saved</source>
        <translation>Avbryt, ingenting lagres</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>E-mail: {value}</source>
        <translation>E-post: {value}</translation>
    </message>
    <message>
        <source>Phone: {value}</source>
        <translation>Telefon: {value}</translation>
    </message>
    <message>
        <source>Customer number: {value}</source>
        <translation>Kundenummer: {value}</translation>
    </message>
    <message>
        <source>Matched on: {value}</source>
        <translation>Treff på: {value}</translation>
    </message>
</context>
<context>
    <name>SubjectImportDialog</name>
    <message>
        <source>Import subject register: {name}</source>
        <translation>Importer register over registrerte: {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Etternavn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiltelefon</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Gateadresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Poststed</translation>
    </message>
    <message>
        <source>Role (customer, supplier…)</source>
        <translation>Rolle (kunde, leverandør …)</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundenummer</translation>
    </message>
    <message>
        <source>Supplier number</source>
        <translation>Leverandørnummer</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>Siste kjøp</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Siste kontakt</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-postadresser</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnumre</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Postadresse</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>Kundenr.</translation>
    </message>
    <message>
        <source>Supplier no.</source>
        <translation>Leverandørnr.</translation>
    </message>
    <message>
        <source>What was found in the file</source>
        <translation>Hva som ble funnet i filen</translation>
    </message>
    <message>
        <source>Warning about the file</source>
        <translation>Advarsel om filen</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>Hvilken kolonne som inneholder hva</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Kolonnene i filen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolonne i filen</translation>
    </message>
    <message>
        <source>Column for {field}</source>
        <translation>Kolonne for {field}</translation>
    </message>
    <message>
        <source>The first rows, as they will be imported</source>
        <translation>De første radene, slik de blir importert</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Forhåndsvisning av de første radene</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemer</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Fremdrift for importen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Avbryt importen</translation>
    </message>
    <message>
        <source>Import status</source>
        <translation>Status for importen</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Rader som ikke kan importeres</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Lagre rapport …</translation>
    </message>
    <message>
        <source>Save the bad rows</source>
        <translation>Lagre radene med feil</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>Ikke importer noe</translation>
    </message>
    <message>
        <source>Import the good rows</source>
        <translation>Importer de gode radene</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import the register</source>
        <translation>Importer registeret</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>{name} cannot be imported.</source>
        <translation>{name} kan ikke importeres.</translation>
    </message>
    <message>
        <source>{name}: Excel workbook, sheet “{sheet}”, about {rows} rows.</source>
        <translation>{name}: Excel-arbeidsbok, ark «{sheet}», omtrent {rows} rader.</translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation>semikolon (;)</translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation>komma (,)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulator</translation>
    </message>
    <message>
        <source>{name}: text in {encoding}, columns separated by {separator}, about {rows} rows.</source>
        <translation>{name}: tekst i {encoding}, kolonner skilt med {separator}, omtrent {rows} rader.</translation>
    </message>
    <message>
        <source>Some bytes of the file are not valid {encoding}: the rows holding them will not be imported.</source>
        <translation>Noen byte i filen er ikke gyldig {encoding}: radene som inneholder dem, blir ikke importert.</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(importeres ikke)</translation>
    </message>
    <message>
        <source>Choose the column that holds the names.</source>
        <translation>Velg kolonnen som inneholder navnene.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ingenting ble importert.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Importerer {name} …</translation>
    </message>
    <message>
        <source>Cancelling: nothing will be written…</source>
        <translation>Avbryter: ingenting blir skrevet …</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Avbrutt: ingenting ble importert.</translation>
    </message>
    <message>
        <source>Imported {good} rows: {inserted} new subjects, {updated} updated.</source>
        <translation>Importerte {good} rader: {inserted} nye registrerte, {updated} oppdatert.</translation>
    </message>
    <message>
        <source>{rejected} rows were not imported (below).</source>
        <translation>{rejected} rader ble ikke importert (se nedenfor).</translation>
    </message>
    <message>
        <source>{rejected} of {rows} rows cannot be imported (below). Nothing has been written yet: import the {good} good rows, or nothing?</source>
        <translation>{rejected} av {rows} rader kan ikke importeres (se nedenfor). Ingenting er skrevet ennå: importere de {good} gode radene, eller ingenting?</translation>
    </message>
    <message>
        <source>Import the {good} good rows</source>
        <translation>Importer de {good} gode radene</translation>
    </message>
    <message>
        <source>Rows that cannot be imported ({n})</source>
        <translation>Rader som ikke kan importeres ({n})</translation>
    </message>
    <message>
        <source>: the first {shown} are listed, the report has all</source>
        <translation>: de første {shown} er listet opp, rapporten har alle</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Lagre rapport</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be saved: {reason}</source>
        <translation>Rapporten kunne ikke lagres: {reason}</translation>
    </message>
    <message>
        <source>Report saved to {name}.</source>
        <translation>Rapporten er lagret i {name}.</translation>
    </message>
</context>
<context>
    <name>SubjectTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-postadresser</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnumre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>Kundenr.</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Åpne saker</translation>
    </message>
</context>
<context>
    <name>SubjectView</name>
    <message>
        <source>Subject {pseudonym}</source>
        <translation>Registrert {pseudonym}</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Postadresse</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-postadresser</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnumre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Customer and supplier no.</source>
        <translation>Kunde- og leverandørnr.</translation>
    </message>
    <message>
        <source>Last purchase and contact</source>
        <translation>Siste kjøp og kontakt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Pseudonym:</source>
        <translation>Pseudonym:</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Postadresse:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-post:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roller:</translation>
    </message>
    <message>
        <source>Numbers:</source>
        <translation>Numre:</translation>
    </message>
    <message>
        <source>Last purchase / contact:</source>
        <translation>Siste kjøp / kontakt:</translation>
    </message>
    <message>
        <source>&amp;Cases (double-click or Enter opens one):</source>
        <translation>&amp;Saker (dobbeltklikk eller Enter åpner en):</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Saker</translation>
    </message>
    <message>
        <source>Cases of this subject</source>
        <translation>Sakene til denne registrerte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(slettet)</translation>
    </message>
    <message>
        <source>customer {number}</source>
        <translation>kunde {number}</translation>
    </message>
    <message>
        <source>supplier {number}</source>
        <translation>leverandør {number}</translation>
    </message>
    <message>
        <source>last purchase {purchase}; last contact {contact}</source>
        <translation>siste kjøp {purchase}; siste kontakt {contact}</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Finish makes the database with these choices.</source>
        <translation>Fullfør lager databasen med disse valgene.</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Språk: %1</translation>
    </message>
    <message>
        <source>Controller: %1</source>
        <translation>Behandlingsansvarlig: %1</translation>
    </message>
    <message>
        <source>E-mail for privacy requests: %1</source>
        <translation>E-post for personvernhenvendelser: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Signed by: %1</source>
        <translation>Signert av: %1</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>Databasefil: %1</translation>
    </message>
    <message>
        <source>Backup folder: %1</source>
        <translation>Mappe for sikkerhetskopier: %1</translation>
    </message>
    <message>
        <source>Key: in this computer&apos;s keyring, with a recovery sheet</source>
        <translation>Nøkkel: i denne datamaskinens nøkkelring, med et gjenopprettingsark</translation>
    </message>
    <message>
        <source>Key: a passphrase typed at every start</source>
        <translation>Nøkkel: en passordfrase som skrives inn ved hver oppstart</translation>
    </message>
    <message>
        <source>Sample cases: added (removable under Settings)</source>
        <translation>Eksempelsaker: lagt til (kan fjernes under Innstillinger)</translation>
    </message>
    <message>
        <source>Sample cases: none</source>
        <translation>Eksempelsaker: ingen</translation>
    </message>
</context>
<context>
    <name>SweepTableModel</name>
    <message>
        <source>Days overdue</source>
        <translation>Dager forfalt</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Forfalt siden</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Opplysninger</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Rettslig grunnlag</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personopplysninger</translation>
    </message>
    <message>
        <source>Kept under a legal ground</source>
        <translation>Beholdt med rettslig grunnlag</translation>
    </message>
    <message>
        <source>Closed request case</source>
        <translation>Avsluttet henvendelsessak</translation>
    </message>
    <message>
        <source>{reference} (erasure open)</source>
        <translation>{reference} (sletting åpen)</translation>
    </message>
    <message>
        <source>Held in: {systems}</source>
        <translation>Lagret i: {systems}</translation>
    </message>
    <message>
        <source>Tick {pseudonym}: {data}</source>
        <translation>Kryss av {pseudonym}: {data}</translation>
    </message>
</context>
<context>
    <name>SystemDialog</name>
    <message>
        <source>Edit system</source>
        <translation>Rediger system</translation>
    </message>
    <message>
        <source>Add system</source>
        <translation>Legg til system</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Leave empty where the name is the same in Bokmål</source>
        <translation>La stå tomt der navnet er det samme på bokmål</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <source>What the system holds</source>
        <translation>Hva systemet inneholder</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Eier:</translation>
    </message>
    <message>
        <source>What it &amp;holds:</source>
        <translation>Hva det &amp;inneholder:</translation>
    </message>
</context>
<context>
    <name>VerifyIdentityDialog</name>
    <message>
        <source>Verify identity</source>
        <translation>Bekreft identitet</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Måte</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>What was checked (never keep a copy of an ID).</source>
        <translation>Hva som ble kontrollert (ta aldri vare på en kopi av legitimasjon).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Måte:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Resultat:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notater:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>Describe in the notes how identity was checked.</source>
        <translation>Beskriv i notatene hvordan identiteten ble kontrollert.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Innsyn</source>
        <translation>Velkommen til Innsyn</translation>
    </message>
    <message>
        <source>The privacy officer&apos;s workbench for data-subject requests.</source>
        <translation>Personvernansvarliges arbeidsverktøy for henvendelser fra registrerte.</translation>
    </message>
    <message>
        <source>Innsyn keeps the log of requests from the people whose data the controller holds (access, rectification, erasure, restriction, objection), counts their deadlines and writes the answers.

A few questions set it up on this computer; everything can be changed later under Settings.</source>
        <translation>Innsyn fører loggen over henvendelser fra personene den behandlingsansvarlige har opplysninger om (innsyn, retting, sletting, begrensning, protest), regner ut fristene og skriver svarene.

Noen få spørsmål setter det opp på denne datamaskinen; alt kan endres senere under Innstillinger.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
</context>
<context>
    <name>_ActivityList</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Behandlingsgrunnlag</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systemer</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottakere</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Lagringstid</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Processing activities</source>
        <translation>Behandlingsaktiviteter</translation>
    </message>
    <message>
        <source>Retire the processing activity &apos;{name}&apos;?</source>
        <translation>Sette behandlingsaktiviteten «{name}» ut av bruk?</translation>
    </message>
</context>
<context>
    <name>_EntryList</name>
    <message>
        <source>Show retired</source>
        <translation>Vis utgåtte</translation>
    </message>
    <message>
        <source>Show retired entries</source>
        <translation>Vis utgåtte oppføringer</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Legg til …</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger …</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Rediger</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>Sett ut av bruk …</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Sett ut av bruk</translation>
    </message>
    <message>
        <source>Innsyn</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>utgått</translation>
    </message>
    <message>
        <source>View…</source>
        <translation>Vis …</translation>
    </message>
    <message>
        <source>Retired entries stay readable for old statements and logs, and are no longer offered as choices.</source>
        <translation>Utgåtte oppføringer kan fortsatt leses for gamle redegjørelser og logger, men tilbys ikke lenger som valg.</translation>
    </message>
    <message>
        <source>It is still named by these activities: {names}.</source>
        <translation>Den er fortsatt nevnt i disse aktivitetene: {names}.</translation>
    </message>
</context>
<context>
    <name>_RecipientList</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Data Processing Agreement</source>
        <translation>Databehandleravtale</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottakere</translation>
    </message>
    <message>
        <source>Retire the recipient &apos;{name}&apos;?</source>
        <translation>Sette mottakeren «{name}» ut av bruk?</translation>
    </message>
</context>
<context>
    <name>_RuleList</name>
    <message>
        <source>Data kept</source>
        <translation>Opplysninger som lagres</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Lagringstid</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Rettslig grunnlag</translation>
    </message>
    <message>
        <source>Statutory minimum</source>
        <translation>Lovens minimum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Retention rules</source>
        <translation>Lagringsregler</translation>
    </message>
    <message>
        <source>longer than {minimum}</source>
        <translation>lenger enn {minimum}</translation>
    </message>
    <message>
        <source>{longer}; justified</source>
        <translation>{longer}; begrunnet</translation>
    </message>
    <message>
        <source>{longer}; justification missing</source>
        <translation>{longer}; begrunnelse mangler</translation>
    </message>
    <message>
        <source>Retire the retention rule &apos;{name}&apos;?</source>
        <translation>Sette lagringsregelen «{name}» ut av bruk?</translation>
    </message>
</context>
<context>
    <name>_SystemList</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eier</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Inneholder</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systemer</translation>
    </message>
    <message>
        <source>Retire the system &apos;{name}&apos;?</source>
        <translation>Sette systemet «{name}» ut av bruk?</translation>
    </message>
</context>
</TS>
