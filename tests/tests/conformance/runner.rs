//! One operation as the harness drives it, in either mode: the dynamic mode (run-time
//! schemas and `Value`) and the static mode (generated types).

use awso_core::protocol::{
    DynamicError, Endpoint, Operation, OperationSchema, Protocol, RequestOptions, ResponseError,
    ServiceSchema, build_request, parse_response, parse_response_dynamic,
};
use awso_core::{AwsError, ErrorMeta, Schema, Value};

/// What parsing a response gave, in terms both modes share.
pub(crate) enum Parsed {
    /// The output.
    Output(Value),
    /// An error: its code, message, and the modeled error's members and schema.
    Error {
        code: String,
        message: String,
        modeled: Option<(Value, &'static Schema)>,
    },
    /// A success response that could not be read.
    Decode(String),
}

impl Parsed {
    /// An error: the code the answer sent (its [`ErrorMeta`]'s), and the message as the
    /// suites mean it: the error value's own (a modeled error's message member; for an
    /// unknown one, what the body says).
    fn error(
        meta: &ErrorMeta,
        message: Option<&str>,
        modeled: Option<(Value, &'static Schema)>,
    ) -> Self {
        Parsed::Error {
            code: meta.code.clone(),
            message: message.unwrap_or_default().to_owned(),
            modeled,
        }
    }
}

/// An operation the harness can build requests for and parse responses of.
pub(crate) trait Runner {
    fn protocol(&self) -> Protocol;
    fn input_schema(&self) -> &'static Schema;
    fn output_schema(&self) -> &'static Schema;
    /// Builds the request for `input` (a `Value` of the input schema).
    fn request(
        &self,
        input: &Value,
        endpoint: &Endpoint,
        options: &RequestOptions,
    ) -> Result<http::Request<Vec<u8>>, String>;
    fn response(&self, response: &http::Response<Vec<u8>>) -> Parsed;
}

/// The dynamic mode: run-time schemas, `Value` in and out.
pub(crate) struct Dynamic {
    pub(crate) service: ServiceSchema,
    pub(crate) operation: OperationSchema,
}

impl Runner for Dynamic {
    fn protocol(&self) -> Protocol {
        self.service.protocol()
    }

    fn input_schema(&self) -> &'static Schema {
        self.operation.input()
    }

    fn output_schema(&self) -> &'static Schema {
        self.operation.output()
    }

    fn request(
        &self,
        input: &Value,
        endpoint: &Endpoint,
        options: &RequestOptions,
    ) -> Result<http::Request<Vec<u8>>, String> {
        build_request(&self.service, &self.operation, input, endpoint, options)
            .map_err(|e| e.to_string())
    }

    fn response(&self, response: &http::Response<Vec<u8>>) -> Parsed {
        match parse_response_dynamic(&self.service, &self.operation, response) {
            Ok(value) => Parsed::Output(value),
            Err(ResponseError::Decode { source, .. }) => Parsed::Decode(source.to_string()),
            Err(ResponseError::Service { error, meta }) => {
                let message = match &error {
                    // A structure of the service that the operation does not list: the
                    // message its body carries, as for the typed mode's `Unknown`.
                    DynamicError::Modeled { schema, .. } if !self.lists(schema) => {
                        meta.message.as_deref()
                    }
                    DynamicError::Modeled { value, .. } => MESSAGE_MEMBERS
                        .iter()
                        .find_map(|name| value.get(name).and_then(Value::as_str)),
                    DynamicError::Unknown(unknown) => unknown.message(),
                }
                .map(str::to_owned);
                let modeled = match error {
                    DynamicError::Modeled { value, schema, .. } => Some((value, schema)),
                    DynamicError::Unknown(_) => None,
                };
                Parsed::error(&meta, message.as_deref(), modeled)
            }
        }
    }
}

/// The names a modeled error's message member has in the suites.
const MESSAGE_MEMBERS: [&str; 2] = ["message", "Message"];

impl Dynamic {
    /// Whether the operation lists the error structure `schema`.
    fn lists(&self, schema: &Schema) -> bool {
        self.operation
            .errors()
            .iter()
            .any(|listed| std::ptr::eq(*listed, schema))
    }
}

/// The static mode: the generated types of operation `O`.
pub(crate) struct Typed<O>(std::marker::PhantomData<O>);

impl<O> Typed<O> {
    pub(crate) fn new() -> Self {
        Self(std::marker::PhantomData)
    }
}

impl<O: Operation> Runner for Typed<O> {
    fn protocol(&self) -> Protocol {
        O::SERVICE.protocol()
    }

    fn input_schema(&self) -> &'static Schema {
        <O::Input as awso_core::AwsShape>::SCHEMA
    }

    fn output_schema(&self) -> &'static Schema {
        <O::Output as awso_core::AwsShape>::SCHEMA
    }

    fn request(
        &self,
        input: &Value,
        endpoint: &Endpoint,
        options: &RequestOptions,
    ) -> Result<http::Request<Vec<u8>>, String> {
        let typed: O::Input = awso_core::from_value(input)
            .map_err(|e| format!("the params do not fit the generated input: {e}"))?;
        build_request(O::SERVICE, O::SCHEMA, &typed, endpoint, options).map_err(|e| e.to_string())
    }

    fn response(&self, response: &http::Response<Vec<u8>>) -> Parsed {
        match parse_response::<O::Output, O::Error, _>(O::SERVICE, O::SCHEMA, response) {
            Ok(output) => match awso_core::to_value(&output) {
                Ok(value) => Parsed::Output(value),
                Err(e) => Parsed::Decode(format!("to_value of the output failed: {e}")),
            },
            Err(ResponseError::Decode { source, .. }) => Parsed::Decode(source.to_string()),
            Err(ResponseError::Service { error, meta }) => {
                let listed = error.modeled_schema().and_then(|schema| {
                    let mut ser = awso_core::value::ValueSerializer::new();
                    error.write_modeled(&mut ser).ok()?;
                    Some((ser.finish(), schema))
                });
                // A structure of the service the operation does not list: kept by `Unknown`.
                let modeled = listed.or_else(|| {
                    let (schema, value) = error.as_unknown()?.modeled()?;
                    Some((value.clone(), schema))
                });
                Parsed::error(&meta, error.message(), modeled)
            }
        }
    }
}
