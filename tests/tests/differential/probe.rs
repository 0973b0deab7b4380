//! The dynamic probe: answers the driver's cases with awso's dynamic mode (run-time schemas
//! and `Value`s; the static probe, `e2e/src/bin/differential_static`, answers the same cases
//! with generated code).
//!
//! Cases (one JSON line each, see `exchange.rs`):
//! - `load` {`service`, `model`}: builds the run-time schemas of a (botocore-merged) model,
//!   once per service name for the life of the process;
//! - `request` {`service`, `operation`, `params`}: the HTTP request awso builds;
//! - `response` {`service`, `operation`, `status`, `headers`, `body` (base64)}: the parsed
//!   output, service error or decode error.

use std::collections::HashMap;
use std::process::ExitCode;

use awso_core::Document;
use awso_core::dynamic::Model;
use awso_core::params;
use awso_core::protocol::{DynamicError, ResponseError, build_request, parse_response_dynamic};
use awso_core::schema::Member;

use crate::exchange::{self, Answer, field, object, text};

pub(crate) fn serve() -> ExitCode {
    let mut models: HashMap<String, Model> = HashMap::new();
    exchange::serve(|case| answer(&mut models, case))
}

fn answer(models: &mut HashMap<String, Model>, case: &Document) -> Answer {
    let service = text(case, "service")?;
    match text(case, "op")? {
        "load" => {
            if !models.contains_key(service) {
                let model = Model::from_document(field(case, "model")?)
                    .map_err(|e| format!("cannot load the model: {e}"))?;
                models.insert(service.to_owned(), model);
            }
            Ok(object([("loaded", Document::Boolean(true))]))
        }
        op => {
            let model = models
                .get(service)
                .ok_or_else(|| format!("service {service} is not loaded"))?;
            match op {
                "request" => request(model, case),
                "response" => response(model, case),
                other => Err(format!("unknown op {other}")),
            }
        }
    }
}

fn request(model: &Model, case: &Document) -> Answer {
    let service = model
        .service()
        .ok_or("the model has no supported protocol")?;
    let name = text(case, "operation")?;
    let operation = model.operation(name).ok_or("no such operation")?;
    let input = params::to_value(field(case, "params")?, &Member::root(operation.input()))
        .map_err(|e| format!("params: {e}"))?;
    let (endpoint, options) = exchange::request_setup()?;
    let request = build_request(service, operation, &input, &endpoint, &options)
        .map_err(|e| format!("build_request: {e}"))?;
    Ok(exchange::request_answer(&request))
}

fn response(model: &Model, case: &Document) -> Answer {
    let service = model
        .service()
        .ok_or("the model has no supported protocol")?;
    let name = text(case, "operation")?;
    let operation = model.operation(name).ok_or("no such operation")?;
    let response = exchange::http_response(case)?;
    Ok(
        match parse_response_dynamic(service, operation, &response) {
            Ok(value) => exchange::output_answer(params::to_params(&value)),
            Err(ResponseError::Decode { source, .. }) => exchange::decode_error_answer(&source),
            Err(ResponseError::Service { error, meta }) => {
                let members = match &error {
                    DynamicError::Modeled { value, .. } => Some(params::to_params(value)),
                    DynamicError::Unknown(_) => None,
                };
                exchange::error_answer(&meta, members)
            }
        },
    )
}
