//! libFuzzer entry of `awso_fuzz::cbor_decode`: the whole check lives in the library.

#![no_main]

libfuzzer_sys::fuzz_target!(
    init: awso_fuzz::init(),
    |data: &[u8]| awso_fuzz::cbor_decode(data)
);
