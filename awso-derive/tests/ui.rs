//! Compile-fail tests: each file under `tests/ui/` holds one mistake, and its `.stderr` pins
//! the message and span the derive reports for it (on the stable toolchain CI uses).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
