//! Eight operations called through `Client::call`: what the user's crate compiles per
//! operation of the call path (count with mono-lines.py on its LLVM IR).
use awso_client::client::{Client, Config, ServiceSpec};
use awso_client::sign::AuthScheme;
use awso_core::protocol::{Operation, OperationSchema, Protocol, ServiceSchema};
use awso_core::{AwsError, AwsShape, UnknownError};

static SPEC: ServiceSpec = ServiceSpec::new("things", AuthScheme::NoAuth);

macro_rules! operation {
    ($op:ident, $input:ident, $output:ident, $error:ident) => {
        #[derive(AwsShape, Debug, Default)]
        #[awso(rename_all = "PascalCase")]
        pub struct $input {
            name: Option<String>,
            count: Option<i32>,
        }
        #[derive(AwsShape, Debug)]
        #[awso(rename_all = "PascalCase")]
        pub struct $output {
            id: Option<String>,
            size: Option<i64>,
        }
        #[derive(AwsError, Debug)]
        pub enum $error {
            Unknown(UnknownError),
        }
        pub struct $op;
        impl Operation for $op {
            type Input = $input;
            type Output = $output;
            type Error = $error;
            const SERVICE: &'static ServiceSchema = &ServiceSchema::new(Protocol::AwsJson1_0, "1");
            const SCHEMA: &'static OperationSchema =
                &OperationSchema::new(stringify!($op), "POST", "/")
                    .with_input($input::SCHEMA)
                    .with_output($output::SCHEMA)
                    .with_errors($error::ERRORS);
        }
    };
}
operation!(Op1, In1, Out1, Err1);
operation!(Op2, In2, Out2, Err2);
operation!(Op3, In3, Out3, Err3);
operation!(Op4, In4, Out4, Err4);
operation!(Op5, In5, Out5, Err5);
operation!(Op6, In6, Out6, Err6);
operation!(Op7, In7, Out7, Err7);
operation!(Op8, In8, Out8, Err8);

fn main() {
    let client = Client::new(Config::builder().endpoint_url("http://127.0.0.1:9").build());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        println!(
            "{:?}",
            client.call::<Op1>(&SPEC, &In1::default()).await.is_ok()
        );
        println!(
            "{:?}",
            client.call::<Op2>(&SPEC, &In2::default()).await.is_ok()
        );
        println!(
            "{:?}",
            client.call::<Op3>(&SPEC, &In3::default()).await.is_ok()
        );
        println!(
            "{:?}",
            client.call::<Op4>(&SPEC, &In4::default()).await.is_ok()
        );
        println!(
            "{:?}",
            client.call::<Op5>(&SPEC, &In5::default()).await.is_ok()
        );
        println!(
            "{:?}",
            client.call::<Op6>(&SPEC, &In6::default()).await.is_ok()
        );
        println!(
            "{:?}",
            client.call::<Op7>(&SPEC, &In7::default()).await.is_ok()
        );
        println!(
            "{:?}",
            client.call::<Op8>(&SPEC, &In8::default()).await.is_ok()
        );
    });
}
