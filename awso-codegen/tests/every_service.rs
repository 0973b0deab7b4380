//! awso-codegen handles every model botocore ships: each installed service generates without
//! an error, with its client, paginators and waiters, and the output parses as Rust. Every
//! waiter's expressions are within the supported subset; paginators left out are counted. (That it also compiles is checked for a sample of
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
    let results: Vec<Result<(usize, Vec<String>), String>> = std::thread::scope(|scope| {
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
    let items: usize = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|r| r.0)
        .sum();
    let notes: Vec<&String> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .flat_map(|r| &r.1)
        .collect();
    let failures: Vec<&String> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    println!(
        "generated {} services, {items} items; left out: {}",
        services.len(),
        notes.len()
    );
    for note in &notes {
        println!("  {note}");
    }
    let waiters: Vec<&&String> = notes.iter().filter(|n| n.contains("waiter ")).collect();
    assert!(waiters.is_empty(), "waiters left out: {waiters:?}");
    let failures: Vec<&str> = failures.iter().map(|f| f.as_str()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} services failed:\n{}",
        failures.len(),
        services.len(),
        failures.join("\n")
    );
}

/// Generates one service with its client and parses the output; the number of items it
/// holds and what the client left out.
fn check(service: &str) -> Result<(usize, Vec<String>), String> {
    let generate = |path: std::path::PathBuf| {
        let client = awso_codegen::ClientOptions::default().beside(&path)?;
        let options = awso_codegen::Options {
            client: Some(client),
            ..awso_codegen::Options::default()
        };
        awso_codegen::generate(&awso_codegen::read_model(&path)?, &options)
    };
    let generated = awso_codegen::find_botocore_model(service)
        .and_then(generate)
        .map_err(|e| format!("{service}: {e}"))?;
    let file =
        syn::parse_file(&generated.code).map_err(|e| format!("{service}: does not parse: {e}"))?;
    let notes = generated
        .notes
        .iter()
        .map(|n| format!("{service}: {n}"))
        .collect();
    Ok((file.items.len(), notes))
}
