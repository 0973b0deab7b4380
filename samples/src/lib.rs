//! Generated modules of sample services, one per feature: restXml (s3, cloudfront), awsQuery
//! (sts, sns, iam), ec2Query (ec2, the largest model), awsJson1_0 (dynamodb, sqs), awsJson1_1 (kinesis),
//! restJson1 (lambda, connectparticipant).

macro_rules! service {
    ($service:ident, $feature:literal) => {
        #[cfg(feature = $feature)]
        #[allow(clippy::all, clippy::pedantic)]
        pub mod $service {
            include!(concat!(env!("OUT_DIR"), "/", $feature, ".rs"));
        }
    };
}

service!(s3, "s3");
service!(sqs, "sqs");
service!(sts, "sts");
service!(ec2, "ec2");
service!(dynamodb, "dynamodb");
service!(kinesis, "kinesis");
service!(lambda, "lambda");
service!(cloudfront, "cloudfront");
service!(connectparticipant, "connectparticipant");
service!(sns, "sns");
service!(iam, "iam");
