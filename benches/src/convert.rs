//! Conversions of every decoder's output to the reference [`mirror`](crate::mirror) types, so
//! that tests (and the report, before it prints anything) can check that all decoders read
//! the same data, member by member.

use aws_sdk_connectparticipant::operation::get_transcript::GetTranscriptOutput;
use aws_sdk_connectparticipant::types as sdk;
use awso_connectparticipant as awso;
use awso_core::AwsEnum;

use crate::mirror;

/// awso's typed output.
pub fn from_awso(r: &awso::GetTranscriptResponse) -> mirror::GetTranscriptResponse {
    mirror::GetTranscriptResponse {
        initial_contact_id: r.initial_contact_id.clone(),
        transcript: r
            .transcript
            .as_ref()
            .map(|items| items.iter().map(awso_item).collect()),
        next_token: r.next_token.clone(),
    }
}

fn wire<E: AwsEnum>(value: Option<&E>) -> Option<String> {
    value.map(|e| e.as_str().to_owned())
}

fn awso_item(i: &awso::Item) -> mirror::Item {
    mirror::Item {
        absolute_time: i.absolute_time.clone(),
        content: i.content.clone(),
        content_type: i.content_type.clone(),
        id: i.id.clone(),
        item_type: wire(i.r#type.as_ref()),
        participant_id: i.participant_id.clone(),
        display_name: i.display_name.clone(),
        participant_role: wire(i.participant_role.as_ref()),
        attachments: i.attachments.as_ref().map(|list| {
            list.iter()
                .map(|a| mirror::AttachmentItem {
                    content_type: a.content_type.clone(),
                    attachment_id: a.attachment_id.clone(),
                    attachment_name: a.attachment_name.clone(),
                    status: wire(a.status.as_ref()),
                })
                .collect()
        }),
        message_metadata: i
            .message_metadata
            .as_ref()
            .map(|m| mirror::MessageMetadata {
                message_id: m.message_id.clone(),
                receipts: m.receipts.as_ref().map(|list| {
                    list.iter()
                        .map(|r| mirror::Receipt {
                            delivered_timestamp: r.delivered_timestamp.clone(),
                            read_timestamp: r.read_timestamp.clone(),
                            recipient_participant_id: r.recipient_participant_id.clone(),
                        })
                        .collect()
                }),
                message_processing_status: wire(m.message_processing_status.as_ref()),
            }),
        related_contact_id: i.related_contact_id.clone(),
        contact_id: i.contact_id.clone(),
    }
}

/// The official SDK's output.
pub fn from_sdk(r: &GetTranscriptOutput) -> mirror::GetTranscriptResponse {
    mirror::GetTranscriptResponse {
        initial_contact_id: r.initial_contact_id.clone(),
        transcript: r
            .transcript
            .as_ref()
            .map(|items| items.iter().map(sdk_item).collect()),
        next_token: r.next_token.clone(),
    }
}

fn sdk_item(i: &sdk::Item) -> mirror::Item {
    mirror::Item {
        absolute_time: i.absolute_time.clone(),
        content: i.content.clone(),
        content_type: i.content_type.clone(),
        id: i.id.clone(),
        item_type: i.r#type.as_ref().map(|t| t.as_str().to_owned()),
        participant_id: i.participant_id.clone(),
        display_name: i.display_name.clone(),
        participant_role: i.participant_role.as_ref().map(|t| t.as_str().to_owned()),
        attachments: i.attachments.as_ref().map(|list| {
            list.iter()
                .map(|a| mirror::AttachmentItem {
                    content_type: a.content_type.clone(),
                    attachment_id: a.attachment_id.clone(),
                    attachment_name: a.attachment_name.clone(),
                    status: a.status.as_ref().map(|s| s.as_str().to_owned()),
                })
                .collect()
        }),
        message_metadata: i
            .message_metadata
            .as_ref()
            .map(|m| mirror::MessageMetadata {
                message_id: m.message_id.clone(),
                receipts: m.receipts.as_ref().map(|list| {
                    list.iter()
                        .map(|r| mirror::Receipt {
                            delivered_timestamp: r.delivered_timestamp.clone(),
                            read_timestamp: r.read_timestamp.clone(),
                            recipient_participant_id: r.recipient_participant_id.clone(),
                        })
                        .collect()
                }),
                message_processing_status: m
                    .message_processing_status
                    .as_ref()
                    .map(|s| s.as_str().to_owned()),
            }),
        related_contact_id: i.related_contact_id.clone(),
        contact_id: i.contact_id.clone(),
    }
}
