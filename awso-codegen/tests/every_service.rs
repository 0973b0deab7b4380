//! awso-codegen handles every model botocore ships: each installed service generates without
//! an error, and the output parses as Rust. (That it also compiles is checked for a sample of
//! the hardest services by `samples/`, which CI builds.) Without botocore the test is
//! skipped with a message, except in CI.

#[test]
fn every_installed_botocore_model_generates_code_that_parses() {
    let services = match awso_codegen::installed_services() {
        Ok(services) => services,
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("botocore is required in CI: {e}")
        }
        Err(e) => {
            eprintln!("SKIPPED: no botocore models to generate: {e}");
            return;
        }
    };
    assert!(
        services.len() > 300,
        "only {} services found",
        services.len()
    );
    // Two workers: the machines this runs on have two cores.
    let results: Vec<Result<usize, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = [0, 1]
            .into_iter()
            .map(|first| {
                let services = &services;
                scope.spawn(move || {
                    services
                        .iter()
                        .skip(first)
                        .step_by(2)
                        .map(|s| check(s))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    let items: usize = results.iter().filter_map(|r| r.as_ref().ok()).sum();
    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    println!("generated {} services, {items} items", services.len());
    let failures: Vec<&str> = failures.iter().map(|f| f.as_str()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} services failed:\n{}",
        failures.len(),
        services.len(),
        failures.join("\n")
    );
}

/// Generates one service and parses the output; the number of items it holds.
fn check(service: &str) -> Result<usize, String> {
    let generated = awso_codegen::find_botocore_model(service)
        .and_then(|path| awso_codegen::read_model(&path))
        .and_then(|text| awso_codegen::generate(&text, &awso_codegen::Options::default()))
        .map_err(|e| format!("{service}: {e}"))?;
    let file =
        syn::parse_file(&generated.code).map_err(|e| format!("{service}: does not parse: {e}"))?;
    Ok(file.items.len())
}
