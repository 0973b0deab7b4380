//! The static probe's answers: each case through the generated types of its operation.

use awso_core::protocol::{
    Operation, OperationVisitor, ResponseError, build_request, parse_response,
};
use awso_core::schema::Member;
use awso_core::value::ValueSerializer;
use awso_core::{AwsError, AwsShape, Document};

use crate::exchange::{self, Answer, field, object, text};
use awso_core::params;

/// The services this probe has compiled (the model names botocore gives them).
pub(crate) const SERVICES: &[&str] = &[
    "cloudfront",
    "connectparticipant",
    "dynamodb",
    "ec2",
    "iam",
    "kinesis",
    "lambda",
    "s3",
    "sns",
    "sqs",
    "sts",
];

/// Calls `visit_operation` of the sample module named `service` (each name in [`SERVICES`]).
macro_rules! visit {
    ($service:expr, $operation:expr, $visitor:expr; $($module:ident),* $(,)?) => {
        match $service {
            $(stringify!($module) => awso_samples::$module::visit_operation($operation, $visitor),)*
            _ => None,
        }
    };
}

pub(crate) fn answer(case: &Document) -> Answer {
    let service = text(case, "service")?;
    if !SERVICES.contains(&service) {
        return Err(format!("{service} is not compiled into the static probe"));
    }
    let kind = match text(case, "op")? {
        // The model is compiled in: nothing to load.
        "load" => return Ok(object([("loaded", Document::Boolean(true))])),
        "request" => Kind::Request,
        "response" => Kind::Response,
        other => return Err(format!("unknown op {other}")),
    };
    let operation = text(case, "operation")?;
    let visitor = Case { case, kind };
    visit!(service, operation, visitor;
        cloudfront, connectparticipant, dynamodb, ec2, iam, kinesis, lambda, s3, sns, sqs, sts)
    .ok_or_else(|| format!("{service} has no operation {operation}"))?
}

#[derive(Clone, Copy)]
enum Kind {
    Request,
    Response,
}

/// One case, answered by the operation the generated code finds for its name.
struct Case<'c> {
    case: &'c Document,
    kind: Kind,
}

impl OperationVisitor for Case<'_> {
    type Output = Answer;

    fn visit<O: Operation>(self) -> Answer {
        match self.kind {
            Kind::Request => request::<O>(self.case),
            Kind::Response => response::<O>(self.case),
        }
    }
}

fn request<O: Operation>(case: &Document) -> Answer {
    let schema = <O::Input as AwsShape>::SCHEMA;
    let value = params::to_value(field(case, "params")?, &Member::root(schema))
        .map_err(|e| format!("params: {e}"))?;
    let input: O::Input = awso_core::from_value(&value).map_err(|e| format!("from_value: {e}"))?;
    let (endpoint, options) = exchange::request_setup()?;
    let request = build_request(O::SERVICE, O::SCHEMA, &input, &endpoint, &options)
        .map_err(|e| format!("build_request: {e}"))?;
    Ok(exchange::request_answer(&request))
}

fn response<O: Operation>(case: &Document) -> Answer {
    let response = exchange::http_response(case)?;
    Ok(
        match parse_response::<O::Output, O::Error, _>(O::SERVICE, O::SCHEMA, &response) {
            Ok(output) => {
                let value = awso_core::to_value(&output).map_err(|e| format!("to_value: {e}"))?;
                exchange::output_answer(params::to_params(&value))
            }
            Err(ResponseError::Decode { source, .. }) => exchange::decode_error_answer(&source),
            Err(ResponseError::Service { error, meta }) => {
                exchange::error_answer(&meta, modeled_members(&error)?)
            }
        },
    )
}

/// A modeled error's members as params; `None` for the unknown variant.
fn modeled_members<E: AwsError>(error: &E) -> Result<Option<Document>, String> {
    let mut ser = ValueSerializer::new();
    let modeled = error
        .write_modeled(&mut ser)
        .map_err(|e| format!("write_modeled: {e}"))?;
    Ok(modeled.then(|| params::to_params(&ser.finish())))
}
