"""Reading subject registers: CSV in UTF-8 or Windows-1252, XLSX, Norwegian column names,
dd.mm.yyyy dates, formula-like text kept as text, and damaged files refused or reported."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import openpyxl
import pytest

from app.core.errors import InvalidInput
from app.core.model import Role
from app.intake import registers
from app.intake.contact import normalise_email, normalise_phone
from app.intake.registers import (
    PROBLEM_KEY,
    ColumnMapping,
    SubjectRecord,
    guess_mapping,
    open_register,
    parse_date,
    parse_roles,
    read_rows,
    validate_row,
)

SAMPLE = ("registers", "erp-customers-cp1252.csv")
FORMULA = '=HYPERLINK("http://evil.example","klikk")'


def rows_of(path: Path, mapping: ColumnMapping | None = None) -> dict[int, tuple]:
    reg = open_register(path)
    mapping = mapping or guess_mapping(reg.headers)
    return {n: validate_row(mapping.apply(row)) for n, row in read_rows(reg)}


def bad_rows(path: Path, mapping: ColumnMapping | None = None) -> dict[int, list[str]]:
    return {n: why for n, (rec, why) in rows_of(path, mapping).items() if rec is None}


# --- the ERP sample --------------------------------------------------------------------------


def test_the_sample_is_read_as_windows_1252_with_semicolons(samples: Path) -> None:
    reg = open_register(samples.joinpath(*SAMPLE))
    assert reg.kind == "csv"
    assert reg.encoding == "Windows-1252"
    assert reg.separator == ";"
    assert not reg.lossy
    assert reg.headers == (
        "Kundenr", "Navn", "E-post", "Telefon", "Adresse", "Postnr", "Sted", "Kundetype",
        "Siste kjøp", "Siste kontakt",
    )  # fmt: skip
    assert reg.rows_estimate == 7
    assert len(reg.sha256) == 64


def test_the_sample_columns_are_mapped_from_their_norwegian_names(samples: Path) -> None:
    reg = open_register(samples.joinpath(*SAMPLE))
    assert guess_mapping(reg.headers) == ColumnMapping(
        name="Navn",
        email="E-post",
        phone="Telefon",
        address="Adresse",
        postcode="Postnr",
        city="Sted",
        role="Kundetype",
        customer_no="Kundenr",
        last_purchase="Siste kjøp",
        last_contact="Siste kontakt",
    )


def test_every_row_of_the_sample(samples: Path) -> None:
    rows = rows_of(samples.joinpath(*SAMPLE))
    assert sorted(rows) == [2, 3, 4, 5, 6, 7, 8]  # the header is row 1
    good = {n: rec for n, (rec, why) in rows.items() if rec is not None and not why}
    assert good[2] == SubjectRecord(
        name="Kari Nordmann",
        emails=("kari.nordmann@example.no",),
        phones=("+4791234567",),
        postal_address="Storgata 12\n0155 Oslo",
        roles=(Role.CUSTOMER,),
        customer_no="10482",
        last_purchase=dt.date(2025, 11, 14),
        last_contact=dt.date(2026, 3, 2),
    )
    assert good[3] == SubjectRecord(
        name="Ola Nordmann & Sønn AS",  # decoded from Windows-1252, & kept as text
        emails=("post@nordmann-sonn.example",),
        phones=("+4722334455",),
        postal_address="Industriveien 4\n1337 Sandvika",
        roles=(Role.SUPPLIER,),  # "Leverandør"
        customer_no="10483",
        last_purchase=None,  # empty: not a bad row
        last_contact=dt.date(2023, 8, 19),
    )
    assert good[4] == SubjectRecord(
        name="Per Hansen",
        emails=("per.hansen@example.no",),
        phones=("+4740001514",),
        postal_address="Fjordgata 1\n7010 Trondheim",
        roles=(Role.CUSTOMER,),
        customer_no="10484",
        last_purchase=dt.date(2022, 1, 3),
        last_contact=dt.date(2022, 1, 3),
    )
    assert good[5] == SubjectRecord(
        name="Åse Ødegård",
        emails=("ase@example.no",),
        phones=("+4798765432",),  # "(+47) 987 65 432"
        postal_address="Bryggen 5\n5003 Bergen",
        roles=(Role.CUSTOMER,),
        customer_no="10485",
        last_purchase=dt.date(2024, 2, 29),  # 2024 is a leap year
        last_contact=dt.date(2024, 6, 1),
    )
    # The spreadsheet formula is a name like any other: kept as the literal text.
    assert good[6] == SubjectRecord(
        name=FORMULA, emails=("x@example.no",), roles=(Role.CUSTOMER,), customer_no="10486"
    )
    assert sorted(good) == [2, 3, 4, 5, 6]


def test_exactly_the_bad_rows_of_the_sample_with_their_reasons(samples: Path) -> None:
    assert bad_rows(samples.joinpath(*SAMPLE)) == {
        7: ["invalid e-mail 'ikke-en-epost'", "invalid phone '123'"],
        8: ["invalid date '32.13.2024' in last purchase"],
    }


# --- other CSV shapes ---------------------------------------------------------------------


def test_utf8_with_bom_and_commas_and_english_columns(tmp_path: Path) -> None:
    path = tmp_path / "crm.csv"
    path.write_bytes(
        "\ufeffName,Email,Mobile,Address,Zip,City,Role,Customer number,Last purchase,"
        "Last contact\r\n"
        '"Nordmann, Kari",KARI@Example.NO,+47 912 34 567,"Storgata 12",0155,Oslo,customer,'
        "10482,2025-11-14,2026-03-02T10:15:00\r\n"
        'Áile Ŋuolga,aile@example.no,"400 01 514, 22 33 44 55",,9730,Karasjok,'
        '"Kunde, Leverandør",10483,2024-02-29,\r\n'
        "Ola,ola@,123,,,,,10484,2023-02-29,\r\n".encode()
    )
    reg = open_register(path)
    assert (reg.encoding, reg.separator) == ("UTF-8 with BOM", ",")
    assert reg.headers[0] == "Name"  # no BOM left in the first header
    mapping = guess_mapping(reg.headers)
    assert (mapping.name, mapping.email, mapping.phone, mapping.mobile) == (
        "Name", "Email", "Mobile", None,
    )  # fmt: skip
    assert (mapping.postcode, mapping.customer_no, mapping.last_contact) == (
        "Zip", "Customer number", "Last contact",
    )  # fmt: skip
    rows = rows_of(path)
    kari, _ = rows[2]
    assert kari == SubjectRecord(
        name="Nordmann, Kari",
        emails=("kari@example.no",),
        phones=("+4791234567",),
        postal_address="Storgata 12\n0155 Oslo",
        roles=(Role.CUSTOMER,),
        customer_no="10482",
        last_purchase=dt.date(2025, 11, 14),
        last_contact=dt.date(2026, 3, 2),
    )
    aile, _ = rows[3]
    assert aile is not None
    assert aile.name == "Áile Ŋuolga"
    assert aile.phones == ("+4740001514", "+4722334455")
    assert aile.postal_address == "9730 Karasjok"
    assert aile.roles == (Role.CUSTOMER, Role.SUPPLIER)
    assert rows[4] == (
        None,
        [
            "invalid e-mail 'ola@'",
            "invalid phone '123'",
            "invalid date '2023-02-29' in last purchase",
        ],
    )


def test_utf8_without_bom_first_and_last_name_columns(tmp_path: Path) -> None:
    path = tmp_path / "ansatte.csv"
    path.write_text(
        "Fornavn;Etternavn;E-postadresse;Tlf;Leverandørnr;Sist kjøpt;Rolle\n"
        "Øystein;Ødegård;oystein@example.no;40001514;L-7;1.2.2024;Leverandør\n"
        ";;nobody@example.no;;;;\n",
        encoding="utf-8",
    )
    reg = open_register(path)
    assert (reg.encoding, reg.separator) == ("UTF-8", ";")
    mapping = guess_mapping(reg.headers)
    assert mapping == ColumnMapping(
        first_name="Fornavn",
        last_name="Etternavn",
        email="E-postadresse",
        phone="Tlf",
        supplier_no="Leverandørnr",
        last_purchase="Sist kjøpt",
        role="Rolle",
    )
    rows = rows_of(path)
    rec, _ = rows[2]
    assert rec is not None
    assert (rec.name, rec.supplier_no, rec.last_purchase, rec.roles) == (
        "Øystein Ødegård", "L-7", dt.date(2024, 2, 1), (Role.SUPPLIER,),
    )  # fmt: skip
    assert rows[3] == (None, ["name missing"])


def test_excels_separator_line(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("sep=,\nNavn,E-post\nKari,k@example.no\n", encoding="utf-8")
    reg = open_register(path)
    assert (reg.separator, reg.header_row, reg.headers) == (",", 2, ("Navn", "E-post"))
    assert sorted(rows_of(path)) == [3]


def test_a_lone_mobile_column_is_the_phone_and_both_are_kept_where_both_exist() -> None:
    assert guess_mapping(["Navn", "Mobil"]).phone == "Mobil"
    both = guess_mapping(["Navn", "Telefon", "Mobil"])
    assert (both.phone, both.mobile) == ("Telefon", "Mobil")
    assert guess_mapping(["Kundenavn", "E-post", "Kundenummer", "Postadresse"]) == ColumnMapping(
        name="Kundenavn", email="E-post", customer_no="Kundenummer", address="Postadresse"
    )


def test_headers_are_made_unique_and_never_empty(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Navn;Telefon;;Telefon;\nKari;912 34 567;x;22 33 44 55;\n", encoding="utf-8")
    reg = open_register(path)
    assert reg.headers == ("Navn", "Telefon", "(column 3)", "Telefon (2)")
    [(n, row)] = list(read_rows(reg))
    assert n == 2 and row["Telefon (2)"] == "22 33 44 55" and PROBLEM_KEY not in row


def test_formula_like_cells_stay_literal_text(tmp_path: Path) -> None:
    path = tmp_path / "formulas.csv"
    path.write_text(
        "Navn;E-post\n=1+1;a@example.no\n+47 Ola;b@example.no\n-Kari;c@example.no\n"
        "@SUM(A1);d@example.no\n",
        encoding="utf-8",
    )
    names = [rec.name for rec, _ in rows_of(path).values()]
    assert names == ["=1+1", "+47 Ola", "-Kari", "@SUM(A1)"]


def test_blank_rows_are_skipped_but_keep_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("Navn;E-post\nKari;k@example.no\n\n;\nOla;o@example.no\n", encoding="utf-8")
    assert sorted(rows_of(path)) == [2, 5]


def test_a_quoted_line_break_is_one_spreadsheet_row(tmp_path: Path) -> None:
    path = tmp_path / "multiline.csv"
    path.write_text(
        'Navn;Adresse\nKari;"Storgata 12\nOppgang B"\nOla;Fjordgata 1\n', encoding="utf-8"
    )
    rows = rows_of(path)
    assert sorted(rows) == [2, 3]
    assert rows[2][0].postal_address == "Storgata 12\nOppgang B"


# --- damaged files ------------------------------------------------------------------------


def test_a_file_cut_mid_row_makes_its_last_row_bad(samples: Path, tmp_path: Path) -> None:
    data = samples.joinpath(*SAMPLE).read_bytes()
    cut = data[: data.index(b"Randi Berg") + 5]  # "10488;Randi" and nothing more
    path = tmp_path / "cut.csv"
    path.write_bytes(cut)
    bad = bad_rows(path)
    assert bad[8] == ["only 2 of 10 columns (the row is cut short)"]
    assert sorted(bad) == [7, 8]
    assert sorted(rows_of(path)) == [2, 3, 4, 5, 6, 7, 8]


def test_an_unterminated_quote_makes_its_row_bad(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(
        'Navn;E-post;Telefon\nKari;k@example.no;912 34 567\n"Ola;o@example.no;40001514\n',
        encoding="utf-8",
    )
    bad = bad_rows(path)
    assert list(bad) == [3]
    assert bad[3][0] == "only 1 of 3 columns (a quote is not closed)"


def test_a_file_cut_inside_a_character_makes_that_row_unreadable(tmp_path: Path) -> None:
    data = "Navn;Sted\nKari;Tromsø\nÅse;Bodø\n".encode()
    path = tmp_path / "cut-utf8.csv"
    path.write_bytes(data[:-2])  # cut in the middle of the ø of Bodø
    reg = open_register(path)
    assert (reg.encoding, reg.lossy) == ("UTF-8", True)
    bad = bad_rows(path, ColumnMapping(name="Navn", city="Sted"))
    assert bad == {3: ["unreadable characters (bytes that are not valid UTF-8)"]}


def test_broken_bytes_in_a_utf8_file_make_only_their_rows_bad(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "Navn;Sted\nKari Ødegård;Tromsø\n".encode()
        + b"Ola;Troms\xf8\n"  # one row saved in Windows-1252
        + "Åse;Bodø\n".encode()
        + b"Per;\xff\xfe\n"
    )
    reg = open_register(path)
    assert (reg.encoding, reg.lossy) == ("UTF-8", True)
    rows = rows_of(path)
    assert rows[2][0] is not None and rows[2][0].postal_address == "Tromsø"
    assert rows[4][0] is not None and rows[4][0].name == "Åse"
    unreadable = ["unreadable characters (bytes that are not valid UTF-8)"]
    assert bad_rows(path) == {3: unreadable, 5: unreadable}


def test_bytes_undefined_in_windows_1252_make_their_row_bad(tmp_path: Path) -> None:
    path = tmp_path / "cp.csv"
    path.write_bytes(b"Navn;Sted\nKari;Troms\xf8\nOla;Ber\x81gen\n")
    reg = open_register(path)
    assert (reg.encoding, reg.lossy) == ("Windows-1252", True)
    assert bad_rows(path) == {3: ["unreadable characters (bytes that are not valid Windows-1252)"]}
    assert rows_of(path)[2][0].postal_address == "Tromsø"


def test_more_cells_than_the_header_has(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("Navn;E-post\nKari;k@example.no;;\nOla;o@example.no;extra\n", encoding="utf-8")
    assert bad_rows(path) == {3: ["3 columns where the header has 2"]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\n\nNavn\nKari\n", "has no header line"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old Excel (.xls)"),
        ("Navn;E-post\nKari;k@example.no\n".encode("utf-16"), "UTF-16 or binary"),
        (b"PK\x03\x04" + b"\0" * 50, "cannot be read as an .xlsx workbook"),
    ],
)
def test_files_that_are_not_registers_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        open_register(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        open_register(tmp_path / "nothing.csv")


# --- XLSX -------------------------------------------------------------------------------------


def make_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Kunder"
    ws.append(["Kundenr", "Navn", "E-post", "Telefon", "Siste kjøp", "Siste kontakt"])
    ws.append([10482, "Kari Nordmann", "kari@example.no", 91234567, dt.date(2025, 11, 14),
               dt.datetime(2026, 3, 2, 10, 15)])  # fmt: skip
    ws.append([10483.0, FORMULA, "x@example.no", "+47 22 33 44 55", "29.02.2024", None])
    ws.append([])  # an empty row: skipped, row numbers kept
    ws.append([10485, "Randi Berg", "randi@example.no", "915 55 555", "32.13.2024", None])
    wb.save(path)


def test_xlsx_cells_formulas_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "kunder.xlsx"
    make_xlsx(path)
    reg = open_register(path)
    assert (reg.kind, reg.encoding, reg.separator, reg.sheet) == ("xlsx", None, None, "Kunder")
    assert reg.headers == (
        "Kundenr", "Navn", "E-post", "Telefon", "Siste kjøp", "Siste kontakt",
    )  # fmt: skip
    # The formula is a real formula cell in the workbook, and it is read as its text.
    wb = openpyxl.load_workbook(path)
    assert wb.active["B3"].data_type == "f"
    rows = rows_of(path)
    assert sorted(rows) == [2, 3, 5]
    kari, _ = rows[2]
    assert kari == SubjectRecord(
        name="Kari Nordmann",
        emails=("kari@example.no",),
        phones=("+4791234567",),  # a number cell
        customer_no="10482",  # a number cell, not "10482.0"
        last_purchase=dt.date(2025, 11, 14),  # a date cell
        last_contact=dt.date(2026, 3, 2),  # a date-time cell
    )
    formula, _ = rows[3]
    assert formula is not None
    assert (formula.name, formula.customer_no, formula.last_purchase) == (
        FORMULA, "10483", dt.date(2024, 2, 29),
    )  # fmt: skip
    assert rows[5] == (None, ["invalid date '32.13.2024' in last purchase"])


def test_a_truncated_xlsx_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "kunder.xlsx"
    make_xlsx(good)
    data = good.read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(InvalidInput, match="xlsx"):
        reg = open_register(cut)
        list(read_rows(reg))


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("29.02.2024", dt.date(2024, 2, 29)),
        ("1.2.2024", dt.date(2024, 2, 1)),
        ("01/02/2024", dt.date(2024, 2, 1)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2024-02-29 13:45:00", dt.date(2024, 2, 29)),
        ("14.11.2025 10:15", dt.date(2025, 11, 14)),
        ("29.02.2023", None),
        ("32.13.2024", None),
        ("00.01.2024", None),
        ("2024-13-01", None),
        ("14.11.25", None),
        ("i går", None),
    ],
)
def test_dates(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day


def test_roles() -> None:
    assert parse_roles("Kunde") == (Role.CUSTOMER,)
    assert parse_roles("LEVERANDØR") == (Role.SUPPLIER,)
    assert parse_roles("Interessent") == (Role.STAKEHOLDER,)
    assert parse_roles("Leverandør og kunde") == (Role.CUSTOMER, Role.SUPPLIER)
    assert parse_roles("Partner") == (Role.OTHER,)


def test_row_level_limits() -> None:
    rec, why = validate_row({"name": "Kari", "customer_no": "9" * 65, "address": "a\x07b"})
    assert rec is None
    assert why == [
        "address contains a control character",
        "customer number is 65 characters long; at most 64",
    ]
    rec, why = validate_row({"name": "Kari\u202eNordmann"})
    assert rec is None and why == ["name contains a control character (U+202E)"]
    rec, why = validate_row({"name": "  Kari   Nordmann ", "email": "K@EXAMPLE.no; k2@example.no"})
    assert rec is not None and rec.name == "Kari Nordmann"
    assert rec.emails == ("k@example.no", "k2@example.no")


def test_the_quick_paths_agree_with_the_validators() -> None:
    """E-mails and Norwegian numbers are checked without the full validators where they are
    plain; the verdict must be the validators' own."""
    rnd = random.Random(7)
    emails = [
        "kari.nordmann@example.no", "Kari.Nordmann@EXAMPLE.NO", "a+b@sub.example.com",
        "x@localhost", "x@example.local", "x@example.test", "x@example", "x@-example.no",
        "x@example-.no", "x..y@example.no", ".x@example.no", "x.@example.no", "x@123.456",
        "o'brien@example.ie", "x@exa_mple.no", "x@" + "a" * 64 + ".no", "a" * 65 + "@example.no",
        "x@example.invalid", "x@example.onion", "ø@example.no", "x@bølle.no", "x@xn--blle-wra.no",
        "x@" + ".".join(["abcdefghij"] * 25) + ".no", "x@example.no.", "#!$%&'*+/=?^_`{|}~-@a.no",
    ]  # fmt: skip
    for text in emails:
        try:
            expected: str | None = normalise_email(text).lower()
        except InvalidInput:
            expected = None
        assert registers._email(text) == expected, text

    numbers = [f"{rnd.randrange(10**8):08d}" for _ in range(3000)]
    numbers += [f"{p}{rnd.randrange(10**6):06d}" for p in range(10, 100)]
    for digits in numbers:
        for text in (digits, f"+47 {digits[:3]} {digits[3:5]} {digits[5:]}", f"0047{digits}"):
            try:
                expected = normalise_phone(text)
            except InvalidInput:
                expected = None
            assert registers._phone(text) == expected, text


# --- the mapping ----------------------------------------------------------------------------


def test_mapping_to_and_from_json() -> None:
    mapping = ColumnMapping(name="Navn", email="E-post", last_purchase="Siste kjøp")
    text = mapping.to_json()
    assert json.loads(text) == {"name": "Navn", "email": "E-post", "last_purchase": "Siste kjøp"}
    assert ColumnMapping.from_json(text) == mapping
    assert ColumnMapping.from_json('{"name": "Navn", "phone": null}') == ColumnMapping(name="Navn")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('["Navn"]', "must be a JSON object"),
        ('{"navn": "Navn"}', "unknown fields"),
        ('{"name": 3}', "must be a column name"),
    ],
)
def test_bad_mapping_json(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        ColumnMapping.from_json(text)


def test_a_mapping_must_fit_the_file() -> None:
    headers = ("Navn", "E-post")
    ColumnMapping(name="Navn").check(headers)
    with pytest.raises(InvalidInput, match="column 'Telefon', which the file does not have"):
        ColumnMapping(name="Navn", phone="Telefon").check(headers)
    with pytest.raises(InvalidInput, match="no column for the name"):
        ColumnMapping(email="E-post").check(headers)
