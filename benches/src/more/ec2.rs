//! An EC2 `DescribeInstances` response (ec2Query): reservations of instances, the deep XML
//! shape of EC2 (every list wrapped in a `...Set` element of `<item>`s, nine levels from the
//! root to a private address's public IP, many short elements, empty lists written as empty
//! elements).
//!
//! Each reservation holds one to three instances; each instance has a state (a stopped one a
//! state reason), a placement, one to three security groups, one to three EBS block devices,
//! up to five tags, and one or two network interfaces, each with its attachment, groups and
//! one to three private addresses (a public association on the primary one when the
//! instance has a public IP). The document is written here from the reference data (not by
//! a codec under test), elements in the order EC2 sends them. The mirror types are what a
//! hand-written quick-xml client declares; their field names are the model's member names,
//! renamed to the wire's `locationName` where the two differ.

use std::fmt::{Display, Write as _};

use serde::Deserialize;

use crate::more::s3::time_text;
use crate::payload::{SplitMix64, timestamp, xml_text};

/// An ec2Query list: a wrapper element of `<item>` elements.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Items<T> {
    /// The `<item>` elements (none when the wrapper is empty).
    #[serde(rename = "item", default = "Vec::new")]
    pub item: Vec<T>,
}

impl<T> Default for Items<T> {
    fn default() -> Self {
        Self { item: Vec::new() }
    }
}

impl<T> From<Vec<T>> for Items<T> {
    fn from(item: Vec<T>) -> Self {
        Self { item }
    }
}

/// `DescribeInstancesResponse`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DescribeInstancesResponse {
    /// `Reservations`.
    #[serde(rename = "reservationSet", default)]
    pub reservations: Items<Reservation>,
    /// `NextToken`.
    #[serde(rename = "nextToken")]
    pub next_token: Option<String>,
}

/// `Reservation`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reservation {
    /// `ReservationId`.
    pub reservation_id: String,
    /// `OwnerId`.
    pub owner_id: String,
    /// `Groups` (EC2-Classic's; empty in a VPC, but still sent).
    #[serde(rename = "groupSet", default)]
    pub groups: Items<GroupIdentifier>,
    /// `Instances`.
    #[serde(rename = "instancesSet", default)]
    pub instances: Items<Instance>,
}

/// `Instance`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Instance {
    /// `InstanceId`.
    pub instance_id: String,
    /// `ImageId`.
    pub image_id: String,
    /// `State`.
    #[serde(rename = "instanceState")]
    pub state: InstanceState,
    /// `PrivateDnsName`.
    pub private_dns_name: String,
    /// `PublicDnsName`.
    #[serde(rename = "dnsName")]
    pub public_dns_name: Option<String>,
    /// `StateTransitionReason`.
    #[serde(rename = "reason")]
    pub state_transition_reason: Option<String>,
    /// `KeyName`.
    pub key_name: String,
    /// `AmiLaunchIndex`.
    pub ami_launch_index: i32,
    /// `ProductCodes` (sent empty).
    #[serde(default)]
    pub product_codes: Items<ProductCode>,
    /// `InstanceType`.
    pub instance_type: String,
    /// `LaunchTime`, as its text.
    pub launch_time: String,
    /// `Placement`.
    pub placement: Placement,
    /// `Monitoring`.
    pub monitoring: Monitoring,
    /// `SubnetId`.
    pub subnet_id: String,
    /// `VpcId`.
    pub vpc_id: String,
    /// `PrivateIpAddress`.
    pub private_ip_address: String,
    /// `PublicIpAddress`.
    #[serde(rename = "ipAddress")]
    pub public_ip_address: Option<String>,
    /// `SourceDestCheck`.
    pub source_dest_check: bool,
    /// `SecurityGroups`.
    #[serde(rename = "groupSet", default)]
    pub security_groups: Items<GroupIdentifier>,
    /// `StateReason`.
    pub state_reason: Option<StateReason>,
    /// `Architecture`.
    pub architecture: String,
    /// `RootDeviceType`.
    pub root_device_type: String,
    /// `RootDeviceName`.
    pub root_device_name: String,
    /// `BlockDeviceMappings`.
    #[serde(rename = "blockDeviceMapping", default)]
    pub block_device_mappings: Items<BlockDeviceMapping>,
    /// `VirtualizationType`.
    pub virtualization_type: String,
    /// `ClientToken`.
    pub client_token: Option<String>,
    /// `Tags`.
    #[serde(rename = "tagSet", default)]
    pub tags: Items<Tag>,
    /// `Hypervisor`.
    pub hypervisor: String,
    /// `NetworkInterfaces`.
    #[serde(rename = "networkInterfaceSet", default)]
    pub network_interfaces: Items<NetworkInterface>,
    /// `EbsOptimized`.
    pub ebs_optimized: bool,
    /// `EnaSupport`.
    pub ena_support: bool,
    /// `CpuOptions`.
    pub cpu_options: CpuOptions,
    /// `MetadataOptions`.
    pub metadata_options: MetadataOptions,
    /// `PlatformDetails`.
    pub platform_details: String,
    /// `UsageOperation`.
    pub usage_operation: String,
}

/// `InstanceState`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InstanceState {
    /// `Code`.
    pub code: i32,
    /// `Name`.
    pub name: String,
}

/// `ProductCode` (none in this payload: the list is sent empty).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductCode {
    /// `ProductCodeId`.
    pub product_code: Option<String>,
}

/// `Placement`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Placement {
    /// `AvailabilityZone`.
    pub availability_zone: String,
    /// `Tenancy`.
    pub tenancy: String,
}

/// `Monitoring`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Monitoring {
    /// `State`.
    pub state: String,
}

/// `GroupIdentifier`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupIdentifier {
    /// `GroupId`.
    pub group_id: String,
    /// `GroupName`.
    pub group_name: String,
}

/// `StateReason`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StateReason {
    /// `Code`.
    pub code: String,
    /// `Message`.
    pub message: String,
}

/// `InstanceBlockDeviceMapping`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockDeviceMapping {
    /// `DeviceName`.
    pub device_name: String,
    /// `Ebs`.
    pub ebs: EbsBlockDevice,
}

/// `EbsInstanceBlockDevice`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EbsBlockDevice {
    /// `VolumeId`.
    pub volume_id: String,
    /// `Status`.
    pub status: String,
    /// `AttachTime`, as its text.
    pub attach_time: String,
    /// `DeleteOnTermination`.
    pub delete_on_termination: bool,
}

/// `Tag`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tag {
    /// `Key`.
    pub key: String,
    /// `Value`.
    pub value: String,
}

/// `InstanceNetworkInterface`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkInterface {
    /// `NetworkInterfaceId`.
    pub network_interface_id: String,
    /// `SubnetId`.
    pub subnet_id: String,
    /// `VpcId`.
    pub vpc_id: String,
    /// `Description`.
    pub description: String,
    /// `OwnerId`.
    pub owner_id: String,
    /// `Status`.
    pub status: String,
    /// `MacAddress`.
    pub mac_address: String,
    /// `PrivateIpAddress`.
    pub private_ip_address: String,
    /// `PrivateDnsName`.
    pub private_dns_name: String,
    /// `SourceDestCheck`.
    pub source_dest_check: bool,
    /// `Groups`.
    #[serde(rename = "groupSet", default)]
    pub groups: Items<GroupIdentifier>,
    /// `Attachment`.
    pub attachment: Attachment,
    /// `Association`.
    pub association: Option<Association>,
    /// `PrivateIpAddresses`.
    #[serde(rename = "privateIpAddressesSet", default)]
    pub private_ip_addresses: Items<PrivateIpAddress>,
    /// `Ipv6Addresses` (sent empty).
    #[serde(rename = "ipv6AddressesSet", default)]
    pub ipv6_addresses: Items<Ipv6Address>,
    /// `InterfaceType`.
    pub interface_type: String,
}

/// `InstanceNetworkInterfaceAttachment`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    /// `AttachmentId`.
    pub attachment_id: String,
    /// `DeviceIndex`.
    pub device_index: i32,
    /// `Status`.
    pub status: String,
    /// `AttachTime`, as its text.
    pub attach_time: String,
    /// `DeleteOnTermination`.
    pub delete_on_termination: bool,
    /// `NetworkCardIndex`.
    pub network_card_index: i32,
}

/// `InstanceNetworkInterfaceAssociation`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Association {
    /// `PublicIp`.
    pub public_ip: String,
    /// `PublicDnsName`.
    pub public_dns_name: String,
    /// `IpOwnerId`.
    pub ip_owner_id: String,
}

/// `InstancePrivateIpAddress`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrivateIpAddress {
    /// `PrivateIpAddress`.
    pub private_ip_address: String,
    /// `PrivateDnsName`.
    pub private_dns_name: String,
    /// `Primary`.
    pub primary: bool,
    /// `Association`.
    pub association: Option<Association>,
}

/// `InstanceIpv6Address` (none in this payload: the list is sent empty).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ipv6Address {
    /// `Ipv6Address`.
    pub ipv6_address: Option<String>,
}

/// `CpuOptions`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CpuOptions {
    /// `CoreCount`.
    pub core_count: i32,
    /// `ThreadsPerCore`.
    pub threads_per_core: i32,
}

/// `InstanceMetadataOptionsResponse`, the members this payload carries.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MetadataOptions {
    /// `State`.
    pub state: String,
    /// `HttpTokens`.
    pub http_tokens: String,
    /// `HttpPutResponseHopLimit`.
    pub http_put_response_hop_limit: i32,
    /// `HttpEndpoint`.
    pub http_endpoint: String,
}

/// The data and its XML body.
#[derive(Debug, Clone)]
pub struct InstancesPayload {
    /// The reference data.
    pub output: DescribeInstancesResponse,
    /// The XML body as text (both decoders take `&str`).
    pub xml: String,
}

/// The instance types drawn from, with their architecture, cores and whether EBS
/// optimisation is on.
const TYPES: &[(&str, &str, i32)] = &[
    ("t3.micro", "x86_64", 1),
    ("m5.large", "x86_64", 1),
    ("c6g.xlarge", "arm64", 4),
    ("r6i.2xlarge", "x86_64", 4),
    ("t4g.small", "arm64", 2),
];
const IMAGES: &[&str] = &[
    "ami-0abcdef1234567890",
    "ami-0c55b159cbfafe1f0",
    "ami-08f3d892de259504d",
];
const ZONES: &[&str] = &["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"];
const KEYS: &[&str] = &["ops-2019", "deploy", "bastion & jump"];
const GROUPS: &[(&str, &str)] = &[
    ("sg-0a1b2c3d4e5f60718", "default"),
    ("sg-0f9e8d7c6b5a49382", "web <public>"),
    ("sg-01234abcd5678ef90", "db & cache"),
    ("sg-0badc0ffee0ddf00d", "monitoring"),
];
const DEVICES: &[&str] = &["/dev/xvda", "/dev/sdb", "/dev/sdc"];
const TEAMS: &[&str] = &["payments", "search", "data-platform", "édition"];
const OWNER: &str = "123456789012";

impl InstancesPayload {
    /// A response of `instances` instances in reservations of one to three.
    pub fn generate(instances: usize) -> Self {
        let mut rng = SplitMix64::new(crate::payload::SEED ^ 0x0EC2);
        let mut secs = 1_573_180_888;
        let mut reservations = Vec::new();
        let mut index = 0;
        while index < instances {
            let count = (rng.range(1, 3) as usize).min(instances - index);
            let reservation_id = format!("r-{:017x}", rng.next_u64() >> 4);
            let launched: Vec<Instance> = (0..count)
                .map(|launch| {
                    secs += rng.range(1, 7200);
                    instance(&mut rng, index + launch, launch as i32, secs)
                })
                .collect();
            index += count;
            reservations.push(Reservation {
                reservation_id,
                owner_id: OWNER.to_owned(),
                groups: Items::default(),
                instances: launched.into(),
            });
        }
        let output = DescribeInstancesResponse {
            reservations: reservations.into(),
            next_token: Some(format!("eyJ2IjoiMiIsImMiOiI{:x}", rng.next_u64())),
        };
        let xml = write_response(&output);
        Self { output, xml }
    }
}

/// A private address of the VPC and its DNS name.
fn private_address(rng: &mut SplitMix64) -> (String, String) {
    let (a, b) = (rng.range(0, 255), rng.range(1, 254));
    (
        format!("10.0.{a}.{b}"),
        format!("ip-10-0-{a}-{b}.ec2.internal"),
    )
}

fn public_association(rng: &mut SplitMix64) -> Association {
    let (a, b, c) = (rng.range(0, 255), rng.range(0, 255), rng.range(1, 254));
    Association {
        public_ip: format!("54.{a}.{b}.{c}"),
        public_dns_name: format!("ec2-54-{a}-{b}-{c}.compute-1.amazonaws.com"),
        ip_owner_id: "amazon".to_owned(),
    }
}

fn groups(rng: &mut SplitMix64) -> Vec<GroupIdentifier> {
    let first = rng.range(0, GROUPS.len() as u64 - 1) as usize;
    (0..rng.range(1, 3) as usize)
        .map(|n| {
            let (id, name) = GROUPS[(first + n) % GROUPS.len()];
            GroupIdentifier {
                group_id: id.to_owned(),
                group_name: name.to_owned(),
            }
        })
        .collect()
}

fn instance(rng: &mut SplitMix64, index: usize, launch: i32, secs: u64) -> Instance {
    let (instance_type, architecture, cores) = *rng.pick(TYPES);
    let zone = *rng.pick(ZONES);
    let subnet_id = format!("subnet-{:017x}", rng.next_u64() >> 4);
    let vpc_id = "vpc-0123456789abcdef0".to_owned();
    let stopped = rng.chance(15);
    let association = (!stopped && rng.chance(60)).then(|| public_association(rng));
    let security_groups = groups(rng);
    let interfaces = (0..rng.range(1, 2) as usize)
        .map(|device| {
            network_interface(
                rng,
                device,
                secs,
                (subnet_id.as_str(), vpc_id.as_str()),
                &security_groups,
                association.clone().filter(|_| device == 0),
            )
        })
        .collect::<Vec<_>>();
    let primary = &interfaces[0];
    Instance {
        instance_id: format!("i-{:017x}", rng.next_u64() >> 4),
        image_id: (*rng.pick(IMAGES)).to_owned(),
        state: if stopped {
            InstanceState {
                code: 80,
                name: "stopped".to_owned(),
            }
        } else {
            InstanceState {
                code: 16,
                name: "running".to_owned(),
            }
        },
        private_dns_name: primary.private_dns_name.clone(),
        public_dns_name: association.as_ref().map(|a| a.public_dns_name.clone()),
        state_transition_reason: stopped
            .then(|| format!("User initiated ({} GMT)", &timestamp(secs * 1000)[..19])),
        key_name: (*rng.pick(KEYS)).to_owned(),
        ami_launch_index: launch,
        product_codes: Items::default(),
        instance_type: instance_type.to_owned(),
        launch_time: timestamp(secs * 1000),
        placement: Placement {
            availability_zone: zone.to_owned(),
            tenancy: "default".to_owned(),
        },
        monitoring: Monitoring {
            state: if rng.chance(20) {
                "enabled"
            } else {
                "disabled"
            }
            .to_owned(),
        },
        subnet_id,
        vpc_id,
        private_ip_address: primary.private_ip_address.clone(),
        public_ip_address: association.as_ref().map(|a| a.public_ip.clone()),
        source_dest_check: true,
        security_groups: security_groups.into(),
        state_reason: stopped.then(|| StateReason {
            code: "Client.UserInitiatedShutdown".to_owned(),
            message: "Client.UserInitiatedShutdown: User initiated shutdown".to_owned(),
        }),
        architecture: architecture.to_owned(),
        root_device_type: "ebs".to_owned(),
        root_device_name: DEVICES[0].to_owned(),
        block_device_mappings: block_devices(rng, secs).into(),
        virtualization_type: "hvm".to_owned(),
        client_token: rng
            .chance(40)
            .then(|| format!("{:08x}-{:04x}-launch", rng.next_u64() >> 32, index)),
        tags: tags(rng, index).into(),
        hypervisor: if architecture == "arm64" {
            "nitro"
        } else {
            "xen"
        }
        .to_owned(),
        network_interfaces: interfaces.into(),
        ebs_optimized: cores > 1,
        ena_support: true,
        cpu_options: CpuOptions {
            core_count: cores,
            threads_per_core: if architecture == "arm64" { 1 } else { 2 },
        },
        metadata_options: MetadataOptions {
            state: "applied".to_owned(),
            http_tokens: if rng.chance(70) {
                "required"
            } else {
                "optional"
            }
            .to_owned(),
            http_put_response_hop_limit: rng.range(1, 2) as i32,
            http_endpoint: "enabled".to_owned(),
        },
        platform_details: "Linux/UNIX".to_owned(),
        usage_operation: "RunInstances".to_owned(),
    }
}

fn network_interface(
    rng: &mut SplitMix64,
    device: usize,
    secs: u64,
    (subnet_id, vpc_id): (&str, &str),
    groups: &[GroupIdentifier],
    association: Option<Association>,
) -> NetworkInterface {
    let addresses: Vec<PrivateIpAddress> = (0..rng.range(1, 3))
        .map(|n| {
            let (ip, dns) = private_address(rng);
            PrivateIpAddress {
                private_ip_address: ip,
                private_dns_name: dns,
                primary: n == 0,
                association: association.clone().filter(|_| n == 0),
            }
        })
        .collect();
    NetworkInterface {
        network_interface_id: format!("eni-{:017x}", rng.next_u64() >> 4),
        subnet_id: subnet_id.to_owned(),
        vpc_id: vpc_id.to_owned(),
        description: if device == 0 {
            String::new()
        } else {
            "secondary <data> interface".to_owned()
        },
        owner_id: OWNER.to_owned(),
        status: "in-use".to_owned(),
        mac_address: format!(
            "0e:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
            rng.range(0, 255),
            rng.range(0, 255),
            rng.range(0, 255),
            rng.range(0, 255),
            rng.range(0, 255)
        ),
        private_ip_address: addresses[0].private_ip_address.clone(),
        private_dns_name: addresses[0].private_dns_name.clone(),
        source_dest_check: true,
        groups: groups.to_vec().into(),
        attachment: Attachment {
            attachment_id: format!("eni-attach-{:017x}", rng.next_u64() >> 4),
            device_index: device as i32,
            status: "attached".to_owned(),
            attach_time: timestamp(secs * 1000),
            delete_on_termination: device == 0,
            network_card_index: 0,
        },
        association,
        private_ip_addresses: addresses.into(),
        ipv6_addresses: Items::default(),
        interface_type: "interface".to_owned(),
    }
}

fn block_devices(rng: &mut SplitMix64, secs: u64) -> Vec<BlockDeviceMapping> {
    (0..rng.range(1, DEVICES.len() as u64) as usize)
        .map(|n| BlockDeviceMapping {
            device_name: DEVICES[n].to_owned(),
            ebs: EbsBlockDevice {
                volume_id: format!("vol-{:017x}", rng.next_u64() >> 4),
                status: "attached".to_owned(),
                attach_time: timestamp((secs + n as u64) * 1000),
                delete_on_termination: n == 0,
            },
        })
        .collect()
}

fn tags(rng: &mut SplitMix64, index: usize) -> Vec<Tag> {
    let tag = |key: &str, value: String| Tag {
        key: key.to_owned(),
        value,
    };
    let mut tags = vec![tag("Name", format!("web-{index:04}"))];
    let more = rng.range(0, 4);
    if more > 0 {
        let env = if rng.chance(70) { "prod" } else { "staging" };
        tags.push(tag("env", env.to_owned()));
    }
    if more > 1 {
        tags.push(tag("team", (*rng.pick(TEAMS)).to_owned()));
    }
    if more > 2 {
        tags.push(tag("cost-center", format!("cc-{}", rng.range(100, 999))));
    }
    if more > 3 {
        tags.push(tag(
            "aws:autoscaling:groupName",
            format!("asg-web-{}", rng.range(1, 9)),
        ));
    }
    tags
}

/// The ec2Query writer: elements in document order, text escaped, empty lists as empty
/// elements (as EC2 writes them).
struct Writer(String);

impl Writer {
    fn text(&mut self, name: &str, value: &str) {
        xml_text(&mut self.0, name, Some(value));
    }

    fn optional(&mut self, name: &str, value: Option<&str>) {
        xml_text(&mut self.0, name, value);
    }

    fn value(&mut self, name: &str, value: impl Display) {
        let _ = write!(self.0, "<{name}>{value}</{name}>");
    }

    fn open(&mut self, name: &str) {
        let _ = write!(self.0, "<{name}>");
    }

    fn close(&mut self, name: &str) {
        let _ = write!(self.0, "</{name}>");
    }

    fn list<T>(&mut self, name: &str, items: &Items<T>, mut item: impl FnMut(&mut Self, &T)) {
        if items.item.is_empty() {
            let _ = write!(self.0, "<{name}/>");
            return;
        }
        self.open(name);
        for each in &items.item {
            self.open("item");
            item(self, each);
            self.close("item");
        }
        self.close(name);
    }

    fn group(&mut self, group: &GroupIdentifier) {
        self.text("groupId", &group.group_id);
        self.text("groupName", &group.group_name);
    }

    fn association(&mut self, association: Option<&Association>) {
        let Some(association) = association else {
            return;
        };
        self.open("association");
        self.text("publicIp", &association.public_ip);
        self.text("publicDnsName", &association.public_dns_name);
        self.text("ipOwnerId", &association.ip_owner_id);
        self.close("association");
    }
}

fn write_response(output: &DescribeInstancesResponse) -> String {
    let mut w = Writer(String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">",
    ));
    w.text("requestId", "8f7724cf-496f-496e-8fe3-example");
    w.list("reservationSet", &output.reservations, |w, reservation| {
        w.text("reservationId", &reservation.reservation_id);
        w.text("ownerId", &reservation.owner_id);
        w.list("groupSet", &reservation.groups, Writer::group);
        w.list("instancesSet", &reservation.instances, write_instance);
    });
    w.optional("nextToken", output.next_token.as_deref());
    w.close("DescribeInstancesResponse");
    w.0
}

fn write_instance(w: &mut Writer, i: &Instance) {
    w.text("instanceId", &i.instance_id);
    w.text("imageId", &i.image_id);
    w.open("instanceState");
    w.value("code", i.state.code);
    w.text("name", &i.state.name);
    w.close("instanceState");
    w.text("privateDnsName", &i.private_dns_name);
    w.optional("dnsName", i.public_dns_name.as_deref());
    w.optional("reason", i.state_transition_reason.as_deref());
    w.text("keyName", &i.key_name);
    w.value("amiLaunchIndex", i.ami_launch_index);
    w.list("productCodes", &i.product_codes, |_, _| {});
    w.text("instanceType", &i.instance_type);
    w.text("launchTime", &i.launch_time);
    w.open("placement");
    w.text("availabilityZone", &i.placement.availability_zone);
    w.text("tenancy", &i.placement.tenancy);
    w.close("placement");
    w.open("monitoring");
    w.text("state", &i.monitoring.state);
    w.close("monitoring");
    w.text("subnetId", &i.subnet_id);
    w.text("vpcId", &i.vpc_id);
    w.text("privateIpAddress", &i.private_ip_address);
    w.optional("ipAddress", i.public_ip_address.as_deref());
    w.value("sourceDestCheck", i.source_dest_check);
    w.list("groupSet", &i.security_groups, Writer::group);
    if let Some(reason) = &i.state_reason {
        w.open("stateReason");
        w.text("code", &reason.code);
        w.text("message", &reason.message);
        w.close("stateReason");
    }
    w.text("architecture", &i.architecture);
    w.text("rootDeviceType", &i.root_device_type);
    w.text("rootDeviceName", &i.root_device_name);
    w.list(
        "blockDeviceMapping",
        &i.block_device_mappings,
        |w, device| {
            w.text("deviceName", &device.device_name);
            w.open("ebs");
            w.text("volumeId", &device.ebs.volume_id);
            w.text("status", &device.ebs.status);
            w.text("attachTime", &device.ebs.attach_time);
            w.value("deleteOnTermination", device.ebs.delete_on_termination);
            w.close("ebs");
        },
    );
    w.text("virtualizationType", &i.virtualization_type);
    w.optional("clientToken", i.client_token.as_deref());
    w.list("tagSet", &i.tags, |w, tag| {
        w.text("key", &tag.key);
        w.text("value", &tag.value);
    });
    w.text("hypervisor", &i.hypervisor);
    w.list(
        "networkInterfaceSet",
        &i.network_interfaces,
        write_interface,
    );
    w.value("ebsOptimized", i.ebs_optimized);
    w.value("enaSupport", i.ena_support);
    w.open("cpuOptions");
    w.value("coreCount", i.cpu_options.core_count);
    w.value("threadsPerCore", i.cpu_options.threads_per_core);
    w.close("cpuOptions");
    w.open("metadataOptions");
    w.text("state", &i.metadata_options.state);
    w.text("httpTokens", &i.metadata_options.http_tokens);
    w.value(
        "httpPutResponseHopLimit",
        i.metadata_options.http_put_response_hop_limit,
    );
    w.text("httpEndpoint", &i.metadata_options.http_endpoint);
    w.close("metadataOptions");
    w.text("platformDetails", &i.platform_details);
    w.text("usageOperation", &i.usage_operation);
}

fn write_interface(w: &mut Writer, n: &NetworkInterface) {
    w.text("networkInterfaceId", &n.network_interface_id);
    w.text("subnetId", &n.subnet_id);
    w.text("vpcId", &n.vpc_id);
    w.text("description", &n.description);
    w.text("ownerId", &n.owner_id);
    w.text("status", &n.status);
    w.text("macAddress", &n.mac_address);
    w.text("privateIpAddress", &n.private_ip_address);
    w.text("privateDnsName", &n.private_dns_name);
    w.value("sourceDestCheck", n.source_dest_check);
    w.list("groupSet", &n.groups, Writer::group);
    w.open("attachment");
    w.text("attachmentId", &n.attachment.attachment_id);
    w.value("deviceIndex", n.attachment.device_index);
    w.text("status", &n.attachment.status);
    w.text("attachTime", &n.attachment.attach_time);
    w.value("deleteOnTermination", n.attachment.delete_on_termination);
    w.value("networkCardIndex", n.attachment.network_card_index);
    w.close("attachment");
    w.association(n.association.as_ref());
    w.list(
        "privateIpAddressesSet",
        &n.private_ip_addresses,
        |w, address| {
            w.text("privateIpAddress", &address.private_ip_address);
            w.text("privateDnsName", &address.private_dns_name);
            w.value("primary", address.primary);
            w.association(address.association.as_ref());
        },
    );
    w.list("ipv6AddressesSet", &n.ipv6_addresses, |_, _| {});
    w.text("interfaceType", &n.interface_type);
}

/// The text of a required member, or a panic naming it (the reference data has it).
fn text(value: Option<&String>, what: &str) -> String {
    value.cloned().unwrap_or_else(|| panic!("{what}"))
}

fn items<A, T>(list: Option<&Vec<A>>, convert: impl Fn(&A) -> T) -> Items<T> {
    list.into_iter()
        .flatten()
        .map(convert)
        .collect::<Vec<_>>()
        .into()
}

fn enum_text<E: awso_core::AwsEnum>(value: Option<&E>, what: &str) -> String {
    value
        .unwrap_or_else(|| panic!("{what}"))
        .as_str()
        .to_owned()
}

/// awso's generated `DescribeInstancesResult` (the samples crate's EC2 module) as the
/// mirror type, to check that both decoders read the same data.
pub fn from_awso(output: &awso_samples::ec2::DescribeInstancesResult) -> DescribeInstancesResponse {
    DescribeInstancesResponse {
        reservations: items(output.reservations.as_ref(), |r| Reservation {
            reservation_id: text(r.reservation_id.as_ref(), "reservationId"),
            owner_id: text(r.owner_id.as_ref(), "ownerId"),
            groups: items(r.groups.as_ref(), group_from_awso),
            instances: items(r.instances.as_ref(), instance_from_awso),
        }),
        next_token: output.next_token.clone(),
    }
}

fn group_from_awso(group: &awso_samples::ec2::GroupIdentifier) -> GroupIdentifier {
    GroupIdentifier {
        group_id: text(group.group_id.as_ref(), "groupId"),
        group_name: text(group.group_name.as_ref(), "groupName"),
    }
}

fn association_from_awso(
    association: &awso_samples::ec2::InstanceNetworkInterfaceAssociation,
) -> Association {
    Association {
        public_ip: text(association.public_ip.as_ref(), "publicIp"),
        public_dns_name: text(association.public_dns_name.as_ref(), "publicDnsName"),
        ip_owner_id: text(association.ip_owner_id.as_ref(), "ipOwnerId"),
    }
}

fn time(value: Option<&awso_core::Timestamp>, what: &str) -> String {
    time_text(value.unwrap_or_else(|| panic!("{what}")))
}

fn instance_from_awso(i: &awso_samples::ec2::Instance) -> Instance {
    let state = i.state.as_ref().expect("instanceState");
    let placement = i.placement.as_ref().expect("placement");
    let cpu = i.cpu_options.as_ref().expect("cpuOptions");
    let metadata = i.metadata_options.as_ref().expect("metadataOptions");
    Instance {
        instance_id: text(i.instance_id.as_ref(), "instanceId"),
        image_id: text(i.image_id.as_ref(), "imageId"),
        state: InstanceState {
            code: state.code.expect("code"),
            name: enum_text(state.name.as_ref(), "name"),
        },
        private_dns_name: text(i.private_dns_name.as_ref(), "privateDnsName"),
        public_dns_name: i.public_dns_name.clone(),
        state_transition_reason: i.state_transition_reason.clone(),
        key_name: text(i.key_name.as_ref(), "keyName"),
        ami_launch_index: i.ami_launch_index.expect("amiLaunchIndex"),
        product_codes: items(i.product_codes.as_ref(), |code| ProductCode {
            product_code: code.product_code_id.clone(),
        }),
        instance_type: enum_text(i.instance_type.as_ref(), "instanceType"),
        launch_time: time(i.launch_time.as_ref(), "launchTime"),
        placement: Placement {
            availability_zone: text(placement.availability_zone.as_ref(), "availabilityZone"),
            tenancy: enum_text(placement.tenancy.as_ref(), "tenancy"),
        },
        monitoring: Monitoring {
            state: enum_text(
                i.monitoring.as_ref().and_then(|m| m.state.as_ref()),
                "monitoring",
            ),
        },
        subnet_id: text(i.subnet_id.as_ref(), "subnetId"),
        vpc_id: text(i.vpc_id.as_ref(), "vpcId"),
        private_ip_address: text(i.private_ip_address.as_ref(), "privateIpAddress"),
        public_ip_address: i.public_ip_address.clone(),
        source_dest_check: i.source_dest_check.expect("sourceDestCheck"),
        security_groups: items(i.security_groups.as_ref(), group_from_awso),
        state_reason: i.state_reason.as_ref().map(|reason| StateReason {
            code: text(reason.code.as_ref(), "code"),
            message: text(reason.message.as_ref(), "message"),
        }),
        architecture: enum_text(i.architecture.as_ref(), "architecture"),
        root_device_type: enum_text(i.root_device_type.as_ref(), "rootDeviceType"),
        root_device_name: text(i.root_device_name.as_ref(), "rootDeviceName"),
        block_device_mappings: items(i.block_device_mappings.as_ref(), |device| {
            let ebs = device.ebs.as_ref().expect("ebs");
            BlockDeviceMapping {
                device_name: text(device.device_name.as_ref(), "deviceName"),
                ebs: EbsBlockDevice {
                    volume_id: text(ebs.volume_id.as_ref(), "volumeId"),
                    status: enum_text(ebs.status.as_ref(), "status"),
                    attach_time: time(ebs.attach_time.as_ref(), "attachTime"),
                    delete_on_termination: ebs.delete_on_termination.expect("deleteOnTermination"),
                },
            }
        }),
        virtualization_type: enum_text(i.virtualization_type.as_ref(), "virtualizationType"),
        client_token: i.client_token.clone(),
        tags: items(i.tags.as_ref(), |tag| Tag {
            key: text(tag.key.as_ref(), "key"),
            value: text(tag.value.as_ref(), "value"),
        }),
        hypervisor: enum_text(i.hypervisor.as_ref(), "hypervisor"),
        network_interfaces: items(i.network_interfaces.as_ref(), interface_from_awso),
        ebs_optimized: i.ebs_optimized.expect("ebsOptimized"),
        ena_support: i.ena_support.expect("enaSupport"),
        cpu_options: CpuOptions {
            core_count: cpu.core_count.expect("coreCount"),
            threads_per_core: cpu.threads_per_core.expect("threadsPerCore"),
        },
        metadata_options: MetadataOptions {
            state: enum_text(metadata.state.as_ref(), "state"),
            http_tokens: enum_text(metadata.http_tokens.as_ref(), "httpTokens"),
            http_put_response_hop_limit: metadata
                .http_put_response_hop_limit
                .expect("httpPutResponseHopLimit"),
            http_endpoint: enum_text(metadata.http_endpoint.as_ref(), "httpEndpoint"),
        },
        platform_details: text(i.platform_details.as_ref(), "platformDetails"),
        usage_operation: text(i.usage_operation.as_ref(), "usageOperation"),
    }
}

fn interface_from_awso(n: &awso_samples::ec2::InstanceNetworkInterface) -> NetworkInterface {
    let attachment = n.attachment.as_ref().expect("attachment");
    NetworkInterface {
        network_interface_id: text(n.network_interface_id.as_ref(), "networkInterfaceId"),
        subnet_id: text(n.subnet_id.as_ref(), "subnetId"),
        vpc_id: text(n.vpc_id.as_ref(), "vpcId"),
        description: text(n.description.as_ref(), "description"),
        owner_id: text(n.owner_id.as_ref(), "ownerId"),
        status: enum_text(n.status.as_ref(), "status"),
        mac_address: text(n.mac_address.as_ref(), "macAddress"),
        private_ip_address: text(n.private_ip_address.as_ref(), "privateIpAddress"),
        private_dns_name: text(n.private_dns_name.as_ref(), "privateDnsName"),
        source_dest_check: n.source_dest_check.expect("sourceDestCheck"),
        groups: items(n.groups.as_ref(), group_from_awso),
        attachment: Attachment {
            attachment_id: text(attachment.attachment_id.as_ref(), "attachmentId"),
            device_index: attachment.device_index.expect("deviceIndex"),
            status: enum_text(attachment.status.as_ref(), "status"),
            attach_time: time(attachment.attach_time.as_ref(), "attachTime"),
            delete_on_termination: attachment
                .delete_on_termination
                .expect("deleteOnTermination"),
            network_card_index: attachment.network_card_index.expect("networkCardIndex"),
        },
        association: n.association.as_ref().map(association_from_awso),
        private_ip_addresses: items(n.private_ip_addresses.as_ref(), |address| {
            PrivateIpAddress {
                private_ip_address: text(address.private_ip_address.as_ref(), "privateIpAddress"),
                private_dns_name: text(address.private_dns_name.as_ref(), "privateDnsName"),
                primary: address.primary.expect("primary"),
                association: address.association.as_ref().map(association_from_awso),
            }
        }),
        ipv6_addresses: items(n.ipv6_addresses.as_ref(), |address| Ipv6Address {
            ipv6_address: address.ipv6_address.clone(),
        }),
        interface_type: text(n.interface_type.as_ref(), "interfaceType"),
    }
}
