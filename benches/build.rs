//! Generates the Connect Participant service with its `Client` (what `awso-codegen
//! connectparticipant --client` writes) into `OUT_DIR` for the call benchmark
//! (`src/call.rs`). The committed `services/connectparticipant` has shapes and operations
//! only; the call needs the client, its endpoint rules and signing spec.

fn main() {
    #[cfg(feature = "call")]
    connectparticipant_client();
}

#[cfg(feature = "call")]
fn connectparticipant_client() {
    let path = awso_codegen::find_botocore_model("connectparticipant")
        .unwrap_or_else(|e| panic!("connectparticipant: {e}"));
    let text =
        awso_codegen::read_model(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let client = awso_codegen::ClientOptions::default()
        .beside(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = awso_codegen::Options {
        client: Some(client),
        endpoint_rules: awso_codegen::read_endpoint_rules(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        ..awso_codegen::Options::default()
    };
    let generated = awso_codegen::generate(&text, &options)
        .unwrap_or_else(|e| panic!("connectparticipant: {e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("connectparticipant_client.rs"), generated.code)
        .expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed={}", path.display());
    println!("cargo::rerun-if-changed=build.rs");
}
