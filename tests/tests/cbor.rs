//! The CBOR codec (awso_core::cbor) on every shape kind, typed and dynamic: the encodings
//! rpcv2Cbor uses, the forms it only reads, truncation, and hostile input.

use awso_core::cbor::{CborDeserializer, from_slice, from_slice_dynamic, to_vec, to_vec_dynamic};
use awso_core::error::Category;
use awso_core::{AwsShape, BigDecimal, BigInteger, Blob, Document, Timestamp};
#[derive(AwsShape, Debug, Clone, PartialEq)]
enum Choice {
    Text(String),
    Number(i64),
    Unknown(String),
}

#[derive(AwsShape, Debug, Clone, PartialEq, Default)]
struct Every {
    flag: Option<bool>,
    byte: Option<i8>,
    short: Option<i16>,
    int: Option<i32>,
    long: Option<i64>,
    float: Option<f32>,
    double: Option<f64>,
    big: Option<BigInteger>,
    decimal: Option<BigDecimal>,
    text: Option<String>,
    blob: Option<Blob>,
    when: Option<Timestamp>,
    doc: Option<Document>,
    list: Option<Vec<i64>>,
    map: Option<std::collections::BTreeMap<String, String>>,
    choice: Option<Choice>,
    nested: Option<Box<Every>>,
}

fn every() -> Every {
    Every {
        flag: Some(true),
        byte: Some(-128),
        short: Some(300),
        int: Some(-70_000),
        long: Some(i64::MIN),
        float: Some(7.625),
        double: Some(-1.889),
        big: Some("-123456789012345678901234567890".parse().unwrap()),
        decimal: Some("-12.345".parse().unwrap()),
        text: Some("é🎉".to_owned()),
        blob: Some(Blob::new(vec![0, 1, 255])),
        when: Timestamp::from_secs_and_nanos(946_845_296, 123_000_000),
        doc: Some(awso_core::json::from_str(r#"{"a":[1,-2,0.5,null,"x",true]}"#).unwrap()),
        list: Some(vec![0, 23, 24, 255, 256, 65_536, 4_294_967_296]),
        map: Some([("k".to_owned(), "v".to_owned())].into()),
        choice: Some(Choice::Number(5)),
        nested: Some(Box::new(Every {
            text: Some("inner".to_owned()),
            ..Every::default()
        })),
    }
}

#[test]
fn every_shape_kind_round_trips_typed_and_dynamic() {
    let value = every();
    let bytes = to_vec(&value).unwrap();
    assert_eq!(from_slice::<Every>(&bytes).unwrap(), value);
    let dynamic = from_slice_dynamic(&bytes, Every::SCHEMA).unwrap();
    assert_eq!(dynamic, awso_core::to_value(&value).unwrap());
    assert_eq!(to_vec_dynamic(&dynamic, Every::SCHEMA).unwrap(), bytes);
}

#[test]
fn every_truncated_prefix_fails_cleanly() {
    let bytes = to_vec(&every()).unwrap();
    for end in 0..bytes.len() {
        let err = from_slice::<Every>(&bytes[..end]).unwrap_err();
        assert_eq!(err.category(), Category::Eof, "prefix of {end}: {err}");
        assert!(from_slice_dynamic(&bytes[..end], Every::SCHEMA).is_err());
    }
}

#[test]
fn big_numbers_use_plain_integers_bignums_and_decimal_fractions() {
    let big = |text: &str| {
        let value = Every {
            big: Some(text.parse().unwrap()),
            ..Every::default()
        };
        to_vec(&value).unwrap()
    };
    // {"big": 2^64 - 1} fits a plain integer; 2^64 needs tag 2, -2^64 - 1 tag 3.
    assert_eq!(
        big("18446744073709551615")[5..],
        [0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
    );
    assert_eq!(big("18446744073709551616")[5..8], [0xc2, 0x49, 0x01]);
    assert_eq!(big("-18446744073709551617")[5..8], [0xc3, 0x49, 0x01]);
    for text in ["18446744073709551616", "-18446744073709551617", "0", "-1"] {
        let read = from_slice::<Every>(&big(text)).unwrap();
        assert_eq!(read.big.unwrap().as_str(), text);
    }
    // 4([-2, 27315]) is 273.15.
    let bytes = b"\xa1\x67decimal\xc4\x82\x21\x19\x6a\xb3";
    assert_eq!(
        from_slice::<Every>(bytes)
            .unwrap()
            .decimal
            .unwrap()
            .as_str(),
        "273.15"
    );
}

#[test]
fn definite_lengths_chunked_strings_and_small_floats_read() {
    // {"text": (_ "ab" "c"), "double": half 1.5, "float": half 7.625, "when": 1(1)}
    let bytes = b"\xa4\x64text\x7f\x62ab\x61c\xff\x66double\xf9\x3e\x00\x65float\xf9\x47\xa0\x64when\xc1\x01";
    let read = from_slice::<Every>(bytes).unwrap();
    assert_eq!(read.text.as_deref(), Some("abc"));
    assert_eq!((read.double, read.float), (Some(1.5), Some(7.625)));
    assert_eq!(read.when, Some(Timestamp::from_secs(1)));
}

#[test]
fn nulls_are_absent_members_and_unknown_members_are_skipped() {
    let bytes = b"\xbf\x64text\xf6\x65other\x9f\xa1\x61k\xc1\x01\xff\x63int\x18\x2a\xff";
    let read = from_slice::<Every>(bytes).unwrap();
    assert_eq!((read.text, read.int), (None, Some(42)));
}

#[test]
fn hostile_input_fails_with_limits_and_bounds() {
    // A text string claiming 2^64 - 1 bytes.
    let err = from_slice::<Every>(b"\xa1\x64text\x7b\xff\xff\xff\xff\xff\xff\xff\xff").unwrap_err();
    assert_eq!(err.category(), Category::Eof);
    // Nesting past the limit, through structures and through skipped values.
    let mut deep = Vec::new();
    for _ in 0..200 {
        deep.extend_from_slice(b"\xa1\x66nested");
    }
    deep.push(0xa0);
    assert_eq!(
        from_slice::<Every>(&deep).unwrap_err().category(),
        Category::Limit
    );
    let skipped = [b"\xa1\x61z".as_slice(), &[0x81; 300], &[0x00]].concat();
    assert_eq!(
        from_slice::<Every>(&skipped).unwrap_err().category(),
        Category::Limit
    );
    let mut de = CborDeserializer::new(b"\x81\x81\x01").max_depth(1);
    assert!(de.deserialize::<Document>().is_err());
    // Out-of-range integers, duplicates, wrong types, trailing bytes.
    assert!(from_slice::<Every>(b"\xa1\x64byte\x19\x01\x00").is_err());
    assert!(from_slice::<Every>(b"\xa2\x63int\x01\x63int\x02").is_err());
    assert!(from_slice::<Every>(b"\xa1\x63int\xf9\x3e\x00").is_err());
    assert!(from_slice::<Every>(b"\xa0\x00").is_err());
}
