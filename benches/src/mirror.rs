//! The GetTranscript response as plain serde types: what a hand-written client would derive.
//!
//! Owned `String`s everywhere, the enum-valued members (`Type`, `ParticipantRole`, `Status`,
//! `MessageProcessingStatus`) included, absent members as `None` and left out when written.
//! These types are also the benchmark's reference data: the generator builds them, and every
//! decoder's output is converted to them and compared.
//!
//! serde_json reads and writes these directly. XML wraps every list in `<member>` elements, so
//! quick-xml gets the same shapes with that wrapper in [`xml`].

use serde::{Deserialize, Serialize};

/// `GetTranscriptResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTranscriptResponse {
    /// `InitialContactId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_contact_id: Option<String>,
    /// `Transcript`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transcript: Option<Vec<Item>>,
    /// `NextToken`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `Item`: one message or event of the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Item {
    /// `AbsoluteTime`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absolute_time: Option<String>,
    /// `Content`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// `ContentType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// `Id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `Type`.
    #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
    pub item_type: Option<String>,
    /// `ParticipantId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participant_id: Option<String>,
    /// `DisplayName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// `ParticipantRole`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participant_role: Option<String>,
    /// `Attachments`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentItem>>,
    /// `MessageMetadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_metadata: Option<MessageMetadata>,
    /// `RelatedContactId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_contact_id: Option<String>,
    /// `ContactId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
}

/// `AttachmentItem`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttachmentItem {
    /// `ContentType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// `AttachmentId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<String>,
    /// `AttachmentName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment_name: Option<String>,
    /// `Status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// `MessageMetadata`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MessageMetadata {
    /// `MessageId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// `Receipts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipts: Option<Vec<Receipt>>,
    /// `MessageProcessingStatus`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_processing_status: Option<String>,
}

/// `Receipt`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Receipt {
    /// `DeliveredTimestamp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_timestamp: Option<String>,
    /// `ReadTimestamp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_timestamp: Option<String>,
    /// `RecipientParticipantId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_participant_id: Option<String>,
}

pub mod xml {
    //! The same shapes for quick-xml: each list is an element holding `<member>` elements.

    use serde::{Deserialize, Serialize};

    /// A list as AWS XML writes it: `<Name><member>..</member>..</Name>`.
    #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub struct Members<T> {
        /// The items.
        #[serde(default)]
        pub member: Vec<T>,
    }

    /// `GetTranscriptResponse`.
    #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct GetTranscriptResponse {
        /// `InitialContactId`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub initial_contact_id: Option<String>,
        /// `Transcript`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub transcript: Option<Members<Item>>,
        /// `NextToken`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub next_token: Option<String>,
    }

    /// `Item`.
    #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct Item {
        /// `AbsoluteTime`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub absolute_time: Option<String>,
        /// `Content`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub content: Option<String>,
        /// `ContentType`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub content_type: Option<String>,
        /// `Id`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        /// `Type`.
        #[serde(rename = "Type", skip_serializing_if = "Option::is_none")]
        pub item_type: Option<String>,
        /// `ParticipantId`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub participant_id: Option<String>,
        /// `DisplayName`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
        /// `ParticipantRole`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub participant_role: Option<String>,
        /// `Attachments`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub attachments: Option<Members<super::AttachmentItem>>,
        /// `MessageMetadata`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub message_metadata: Option<MessageMetadata>,
        /// `RelatedContactId`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub related_contact_id: Option<String>,
        /// `ContactId`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub contact_id: Option<String>,
    }

    /// `MessageMetadata`.
    #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    pub struct MessageMetadata {
        /// `MessageId`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub message_id: Option<String>,
        /// `Receipts`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub receipts: Option<Members<super::Receipt>>,
        /// `MessageProcessingStatus`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub message_processing_status: Option<String>,
    }

    impl From<&super::GetTranscriptResponse> for GetTranscriptResponse {
        fn from(r: &super::GetTranscriptResponse) -> Self {
            Self {
                initial_contact_id: r.initial_contact_id.clone(),
                transcript: r.transcript.as_ref().map(|items| Members {
                    member: items.iter().map(Item::from).collect(),
                }),
                next_token: r.next_token.clone(),
            }
        }
    }

    impl From<&super::Item> for Item {
        fn from(i: &super::Item) -> Self {
            Self {
                absolute_time: i.absolute_time.clone(),
                content: i.content.clone(),
                content_type: i.content_type.clone(),
                id: i.id.clone(),
                item_type: i.item_type.clone(),
                participant_id: i.participant_id.clone(),
                display_name: i.display_name.clone(),
                participant_role: i.participant_role.clone(),
                attachments: i.attachments.clone().map(|member| Members { member }),
                message_metadata: i.message_metadata.as_ref().map(|m| MessageMetadata {
                    message_id: m.message_id.clone(),
                    receipts: m.receipts.clone().map(|member| Members { member }),
                    message_processing_status: m.message_processing_status.clone(),
                }),
                related_contact_id: i.related_contact_id.clone(),
                contact_id: i.contact_id.clone(),
            }
        }
    }

    impl From<GetTranscriptResponse> for super::GetTranscriptResponse {
        fn from(r: GetTranscriptResponse) -> Self {
            Self {
                initial_contact_id: r.initial_contact_id,
                transcript: r
                    .transcript
                    .map(|items| items.member.into_iter().map(super::Item::from).collect()),
                next_token: r.next_token,
            }
        }
    }

    impl From<Item> for super::Item {
        fn from(i: Item) -> Self {
            Self {
                absolute_time: i.absolute_time,
                content: i.content,
                content_type: i.content_type,
                id: i.id,
                item_type: i.item_type,
                participant_id: i.participant_id,
                display_name: i.display_name,
                participant_role: i.participant_role,
                attachments: i.attachments.map(|a| a.member),
                message_metadata: i.message_metadata.map(|m| super::MessageMetadata {
                    message_id: m.message_id,
                    receipts: m.receipts.map(|r| r.member),
                    message_processing_status: m.message_processing_status,
                }),
                related_contact_id: i.related_contact_id,
                contact_id: i.contact_id,
            }
        }
    }
}
