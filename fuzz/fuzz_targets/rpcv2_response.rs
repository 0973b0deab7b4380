//! libFuzzer entry of `awso_fuzz::rpcv2_response`: the whole check lives in the library.

#![no_main]

libfuzzer_sys::fuzz_target!(
    init: awso_fuzz::init(),
    |data: &[u8]| awso_fuzz::rpcv2_response(data)
);
