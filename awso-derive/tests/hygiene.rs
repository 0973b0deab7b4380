//! The expansion must not rely on the prelude or on names in the user's scope (serde's
//! `test_gen.rs` habit): the derives below sit in a module where every prelude type, variant,
//! trait and macro the generated code could name is shadowed by something unrelated, and where
//! `awso_core`, `core` and `std` are local modules.

#![allow(dead_code, unused_macros)]

mod shadowed {
    // Prelude types and variants, as unrelated unit structs.
    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct Box;
    struct String;
    struct Vec;
    struct PhantomData;

    // Prelude traits, as unrelated traits.
    trait Clone {}
    trait Default {}
    trait From {}
    trait Into {}
    trait Iterator {}
    trait IntoIterator {}
    trait ToString {}
    trait ToOwned {}
    trait AsRef {}
    trait PartialEq {}
    trait Eq {}
    trait Drop {}
    trait Fn {}
    trait FnOnce {}
    trait Send {}
    trait Sync {}
    trait Display {}
    trait Debug {}
    trait Error {}

    // Crate names, as local modules: only `::name` paths reach the real crates.
    mod core {}
    mod std {}
    mod awso_core {}

    // Macros the expansion could be tempted to call unqualified.
    macro_rules! assert {
        ($($t:tt)*) => {
            compile_error!("the expansion called an unqualified assert!")
        };
    }
    macro_rules! unreachable {
        ($($t:tt)*) => {
            compile_error!("the expansion called an unqualified unreachable!")
        };
    }
    macro_rules! panic {
        ($($t:tt)*) => {
            compile_error!("the expansion called an unqualified panic!")
        };
    }
    macro_rules! format {
        ($($t:tt)*) => {
            compile_error!("the expansion called an unqualified format!")
        };
    }
    macro_rules! write {
        ($($t:tt)*) => {
            compile_error!("the expansion called an unqualified write!")
        };
    }

    // The derives and the runtime through names that differ from their own.
    use ::awso_core::{
        AwsError as DeriveError, AwsShape as DeriveShape, Timestamp as Instant,
        UnknownError as Unmodeled,
    };

    // Aliases work for member types; `Option` and the message's `String` are spelled out
    // because the derive recognises them by name.
    type Text = ::std::string::String;
    type List<T> = ::std::vec::Vec<T>;
    type Map<K, V> = ::std::collections::BTreeMap<K, V>;

    /// A structure with optional, required, list, map, boxed and attribute members, and
    /// every kind-checked trait (`xml_attribute`, `xml_flattened`, item overrides).
    #[derive(DeriveShape, ::core::cmp::PartialEq)]
    #[awso(
        debug,
        builder,
        rename_all = "PascalCase",
        xml_namespace(uri = "urn:hygiene")
    )]
    pub(crate) struct Bucket {
        #[awso(xml_attribute)]
        pub(crate) id: Text,
        pub(crate) name: ::core::option::Option<Text>,
        pub(crate) size: i64,
        #[awso(xml_flattened, member(xml_name = "Tag"))]
        pub(crate) tags: List<Text>,
        #[awso(key(xml_name = "K"), value(xml_name = "V"))]
        pub(crate) labels: ::core::option::Option<Map<Text, i32>>,
        #[awso(timestamp_format = "epoch-seconds")]
        pub(crate) created: ::core::option::Option<Instant>,
        pub(crate) parent: ::core::option::Option<::std::boxed::Box<Bucket>>,
        pub(crate) class: ::core::option::Option<StorageClass>,
        pub(crate) priority: ::core::option::Option<Priority>,
        pub(crate) filter: ::core::option::Option<Filter>,
        #[awso(default = 3)]
        pub(crate) copies: i32,
    }

    /// A generic structure: the added bounds and the per-instantiation kind checks.
    #[derive(DeriveShape, ::core::cmp::PartialEq)]
    #[awso(debug, builder)]
    pub(crate) struct Page<T> {
        pub(crate) items: List<T>,
        #[awso(xml_attribute)]
        pub(crate) next: ::core::option::Option<Text>,
    }

    /// A string enum.
    #[derive(DeriveShape, ::core::cmp::PartialEq)]
    #[awso(debug, builder, rename_all = "SCREAMING_SNAKE_CASE")]
    pub(crate) enum StorageClass {
        Standard,
        DeepArchive,
        Unknown(::std::string::String),
    }

    /// An intEnum.
    #[derive(DeriveShape, ::core::cmp::PartialEq)]
    #[awso(int_enum, debug, builder)]
    pub(crate) enum Priority {
        #[awso(value = -1)]
        Low,
        #[awso(value = 10)]
        High,
        Unknown(i32),
    }

    /// A union, with a list member.
    #[derive(DeriveShape, ::core::cmp::PartialEq)]
    #[awso(debug, builder)]
    pub(crate) enum Filter {
        Prefix(Text),
        Tags(List<Text>),
        Unknown(::std::string::String),
    }

    /// A generic union.
    #[derive(DeriveShape, ::core::cmp::PartialEq)]
    #[awso(debug, builder)]
    pub(crate) enum Either<T> {
        Left(T),
        Unknown(::std::string::String),
    }

    /// An error structure with a required message, and one without any.
    #[derive(DeriveShape, ::core::fmt::Debug)]
    #[awso(error(fault = "client", status = 404, code = "NoSuchBucket"))]
    pub(crate) struct NoSuchBucket {
        #[awso(rename = "Message")]
        pub(crate) message: ::std::string::String,
    }

    /// An error structure with an optional message.
    #[derive(DeriveShape, ::core::fmt::Debug)]
    #[awso(error(fault = "server"))]
    pub(crate) struct InternalError {
        pub(crate) message: ::core::option::Option<::std::string::String>,
    }

    /// An operation's error enum.
    #[derive(DeriveError, ::core::fmt::Debug)]
    pub(crate) enum GetBucketError {
        NoSuchBucket(NoSuchBucket),
        InternalError(InternalError),
        Unknown(Unmodeled),
    }
}

use std::collections::BTreeMap;

use awso_core::{AwsError, Timestamp, json, xml};
use shadowed::{Bucket, Either, Filter, GetBucketError, Page, Priority, StorageClass};

fn bucket() -> Bucket {
    Bucket {
        id: "b-1".into(),
        name: Some("logs".into()),
        size: 42,
        tags: vec!["a".into(), "b".into()],
        labels: Some(BTreeMap::from([("env".to_owned(), 1)])),
        created: Some(Timestamp::from_secs(1_573_180_888)),
        parent: Some(Box::new(Bucket {
            id: "b-0".into(),
            name: None,
            size: 0,
            tags: Vec::new(),
            labels: None,
            created: None,
            parent: None,
            class: Some(StorageClass::Unknown("ONE_ZONE".into())),
            priority: Some(Priority::Unknown(5)),
            filter: Some(Filter::Prefix("logs/".into())),
            copies: 1,
        })),
        class: Some(StorageClass::DeepArchive),
        priority: Some(Priority::Low),
        filter: Some(Filter::Tags(vec!["x".into()])),
        copies: 3,
    }
}

#[test]
fn shadowed_structure_round_trips_through_json() {
    let value = bucket();
    let text = json::to_string(&value).unwrap();
    assert_eq!(
        text,
        concat!(
            r#"{"Id":"b-1","Name":"logs","Size":42,"Tags":["a","b"],"Labels":{"env":1},"#,
            r#""Created":1573180888,"#,
            r#""Parent":{"Id":"b-0","Size":0,"Tags":[],"Class":"ONE_ZONE","Priority":5,"Filter":{"Prefix":"logs/"},"Copies":1},"#,
            r#""Class":"DEEP_ARCHIVE","Priority":-1,"Filter":{"Tags":["x"]},"Copies":3}"#,
        )
    );
    assert_eq!(json::from_str::<Bucket>(&text).unwrap(), value);
    // A union member the model does not know is kept by name.
    let read: Bucket = json::from_str(r#"{"Id":"x","Filter":{"Size":3}}"#).unwrap();
    assert_eq!(read.filter, Some(Filter::Unknown("Size".into())));
}

#[test]
fn shadowed_structure_round_trips_through_xml() {
    let value = bucket();
    let text = xml::to_string(&value).unwrap();
    assert_eq!(
        text,
        concat!(
            r#"<Bucket xmlns="urn:hygiene" Id="b-1"><Name>logs</Name><Size>42</Size>"#,
            "<Tags>a</Tags><Tags>b</Tags>",
            "<Labels><entry><K>env</K><V>1</V></entry></Labels>",
            "<Created>1573180888</Created>",
            // The namespace belongs to the shape, so the nested `Bucket` declares it too; its
            // empty flattened list leaves no element at all.
            r#"<Parent xmlns="urn:hygiene" Id="b-0"><Size>0</Size><Class>ONE_ZONE</Class>"#,
            "<Priority>5</Priority><Filter><Prefix>logs/</Prefix></Filter><Copies>1</Copies></Parent>",
            "<Class>DEEP_ARCHIVE</Class><Priority>-1</Priority>",
            "<Filter><Tags><member>x</member></Tags></Filter><Copies>3</Copies></Bucket>",
        )
    );
    assert_eq!(xml::from_str::<Bucket>(&text).unwrap(), value);
}

#[test]
fn shadowed_defaults_and_generics() {
    let value: Bucket = json::from_str(r#"{"Id":"x"}"#).unwrap();
    assert_eq!(value.copies, 3);
    assert_eq!(value.size, 0);

    let page = Page {
        items: vec![Either::Left(1_i64), Either::Left(-1)],
        next: Some("n".into()),
    };
    let text = json::to_string(&page).unwrap();
    assert_eq!(text, r#"{"items":[{"Left":1},{"Left":-1}],"next":"n"}"#);
    assert_eq!(json::from_str::<Page<Either<i64>>>(&text).unwrap(), page);
    let read: Page<Either<i64>> = json::from_str(r#"{"items":[{"Right":2}]}"#).unwrap();
    assert_eq!(read.items, vec![Either::Unknown("Right".into())]);
    let page = Page {
        items: vec![Priority::High],
        next: Some("n".into()),
    };
    let text = xml::to_string(&page).unwrap();
    assert_eq!(
        text,
        r#"<Page next="n"><items><member>10</member></items></Page>"#
    );
    assert_eq!(xml::from_str::<Page<Priority>>(&text).unwrap(), page);
}

#[test]
fn shadowed_error_enum_decodes_and_displays() {
    let err = GetBucketError::from_xml(
        "NoSuchBucket",
        b"<ErrorResponse><Error><Code>NoSuchBucket</Code><Message>gone</Message></Error></ErrorResponse>",
    );
    assert!(matches!(&err, GetBucketError::NoSuchBucket(e) if e.message == "gone"));
    assert_eq!(err.to_string(), "NoSuchBucket: gone");
    assert_eq!(err.code(), "NoSuchBucket");
    assert!(std::error::Error::source(&err).is_some());

    let err = GetBucketError::from_json("InternalError", b"{}");
    assert!(matches!(&err, GetBucketError::InternalError(e) if e.message.is_none()));
    assert_eq!(err.message(), None);
    assert_eq!(err.to_json().unwrap(), r#"{"__type":"InternalError"}"#);

    let err = GetBucketError::from_json("SlowDown", br#"{"message":"later"}"#);
    let GetBucketError::Unknown(unknown) = &err else {
        panic!("expected the unknown variant, got {err:?}");
    };
    assert_eq!(unknown.code(), "SlowDown");
    assert_eq!(err.message(), Some("later"));
}

#[test]
fn shadowed_builders_and_constructors() {
    let built = Bucket::builder()
        .id("b-1")
        .name("logs")
        .size(42_i64)
        .tags(vec!["a".to_owned(), "b".to_owned()])
        .set_labels(Some(BTreeMap::from([("env".to_owned(), 1)])))
        .created(Timestamp::from_secs(1_573_180_888))
        .parent(
            Bucket::builder()
                .id("b-0")
                .size(0_i64)
                .tags(Vec::new())
                .class(StorageClass::from("ONE_ZONE"))
                .priority(Priority::from(5))
                .filter(Filter::prefix("logs/"))
                .copies(1)
                .build()
                .unwrap(),
        )
        .class(StorageClass::from("DEEP_ARCHIVE"))
        .priority(Priority::from(-1))
        .filter(Filter::tags(vec!["x".to_owned()]))
        .build()
        .unwrap();
    assert!(built == bucket());
    let missing = Bucket::builder().name("n").build().unwrap_err();
    assert_eq!(missing.members(), ["Id", "Size", "Tags"]);
    let page = Page::builder()
        .items(vec![Either::<i64>::left(1_i64)])
        .build()
        .unwrap();
    assert!(page.next.is_none());
}
