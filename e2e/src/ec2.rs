//! EC2 (ec2Query): a tagged VPC, described by filters (tag and CIDR) and by id; a missing
//! VPC's error code; the VPC deleted.

use awso_client::client::{CallError, Client, ServiceSpec};
use awso_core::AwsError;
use awso_samples::ec2::{
    CreateVpc, CreateVpcRequest, DeleteVpc, DeleteVpcRequest, DescribeVpcs, DescribeVpcsError,
    DescribeVpcsRequest, Filter, ResourceType, Tag, TagSpecification,
};
use serde_json::json;

use crate::check::{Check, ensure, ensure_eq, fail, input};
use crate::report::Service;

const CIDR: &str = "10.42.0.0/16";
const NAME: &str = "awso e2e ✓ <&>";

pub async fn run(client: &Client, mut s: Service<'_>) -> (u32, u32, u32) {
    let spec = crate::spec("ec2", "v4");
    let vpc = s
        .step("create vpc", async {
            let tags = TagSpecification {
                resource_type: Some(ResourceType::Vpc),
                tags: Some(vec![Tag {
                    key: Some("Name".to_owned()),
                    value: Some(NAME.to_owned()),
                }]),
            };
            let input = CreateVpcRequest {
                tag_specifications: Some(vec![tags]),
                ..input(&json!({"CidrBlock": CIDR}))?
            };
            let out = client.call::<CreateVpc>(&spec, &input).await?;
            let vpc = out.vpc.ok_or("no Vpc")?;
            ensure_eq("CidrBlock", vpc.cidr_block.as_deref(), Some(CIDR))?;
            Check::Ok(vpc.vpc_id.ok_or("no VpcId")?)
        })
        .await;
    let Some(vpc) = vpc else {
        return s.finish();
    };
    s.step("describe vpcs with filters", async {
        let filters = vec![filter("tag:Name", NAME), filter("cidr", CIDR)];
        let ids = describe(client, &spec, Some(filters), None).await?;
        ensure_eq("VPCs matching", ids, vec![vpc.clone()])
    })
    .await;
    s.step("describe vpcs by a filter matching none", async {
        let filters = vec![filter("tag:Name", "no such name")];
        let ids = describe(client, &spec, Some(filters), None).await?;
        ensure(ids.is_empty(), || format!("matched {ids:?}"))
    })
    .await;
    s.step("describe a missing vpc", async {
        let missing = vec!["vpc-00000000000000000".to_owned()];
        match describe(client, &spec, None, Some(missing)).await {
            Ok(ids) => fail(format!("succeeded: {ids:?}")),
            Err(error) => {
                let code = error.service_error().map(AwsError::code);
                ensure_eq("error code", code, Some("InvalidVpcID.NotFound"))
            }
        }
    })
    .await;
    s.step("delete vpc", async {
        let input = DeleteVpcRequest {
            vpc_id: vpc.clone(),
            dry_run: None,
        };
        client.call::<DeleteVpc>(&spec, &input).await?;
        Check::Ok(())
    })
    .await;
    s.finish()
}

fn filter(name: &str, value: &str) -> Filter {
    Filter {
        name: Some(name.to_owned()),
        values: Some(vec![value.to_owned()]),
    }
}

async fn describe(
    client: &Client,
    spec: &ServiceSpec,
    filters: Option<Vec<Filter>>,
    vpc_ids: Option<Vec<String>>,
) -> Result<Vec<String>, CallError<DescribeVpcsError>> {
    let input = DescribeVpcsRequest {
        filters,
        vpc_ids,
        next_token: None,
        max_results: None,
        dry_run: None,
    };
    let out = client.call::<DescribeVpcs>(spec, &input).await?;
    Ok(out
        .vpcs
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| v.vpc_id)
        .collect())
}
