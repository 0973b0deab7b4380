//! The call benchmark compares like with like: both clients sign every request, reach the
//! canned transport once per call, and read the same transcript back.

use awso_benches::call::CallBench;
use awso_benches::payload::Payload;

#[test]
fn both_calls_sign_and_read_the_same_transcript() {
    for items in [0, 10, 1000] {
        let bench = CallBench::new(items);
        let reference = Payload::generate(items).response;
        let awso = bench.awso();
        let sdk = bench.sdk();
        assert_eq!(
            bench.signed_requests(),
            2,
            "{items} items: one signed request each"
        );
        let awso_items = awso.transcript.unwrap_or_default();
        let sdk_items = sdk.transcript.unwrap_or_default();
        assert_eq!(
            awso_items.len(),
            reference.transcript.as_ref().map_or(0, Vec::len)
        );
        assert_eq!(awso_items.len(), sdk_items.len());
        for (ours, theirs) in awso_items.iter().zip(&sdk_items) {
            assert_eq!(ours.id.as_deref(), theirs.id.as_deref());
            assert_eq!(ours.content.as_deref(), theirs.content.as_deref());
            assert_eq!(
                ours.absolute_time.as_deref(),
                theirs.absolute_time.as_deref()
            );
        }
        assert_eq!(awso.initial_contact_id, sdk.initial_contact_id);
        assert_eq!(awso.next_token, sdk.next_token);
    }
}
