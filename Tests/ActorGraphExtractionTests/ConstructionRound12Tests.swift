import ActorGraphCore
import ActorGraphExtraction
import Foundation
import Testing

/// The twelfth extraction round (docs/EXTRACTION.md): a venue inside the meeting's phrase, a
/// topic phrase before "with", suspension, impeachment and arrest warrants. Round 5's graph.

@Suite struct Round12 {
    @Test func aVenueInsideTheMeetingsPhrase() {
        let cs = extract5("Peru held talks in Oslo with Ada Kell on Tuesday.")
        #expect(has(cs, "peru", .meets, "ada-kell") || has(cs, "ada-kell", .meets, "peru"))
        #expect(has(cs, "norway", .hosts, "ada-kell") && has(cs, "norway", .hosts, "peru"))
    }

    @Test func aTopicPhraseBeforeWith() {
        let cs = extract5("Chile signed a memorandum on critical minerals with Peru.")
        #expect(has(cs, "chile", .supports, "peru"))
    }

    @Test func suspensionImpeachmentAndWarrants() {
        #expect(has(extract5("Norway suspended Chile after the takeover."), "norway", .opposes, "chile"))
        #expect(has(extract5("Peru issued an international arrest warrant for Ada Kell last month."), "peru", .opposes, "ada-kell"))
        // suspending aid is still opposition, not support
        let cs = extract5("Norway suspended aid to Peru.")
        #expect(has(cs, "norway", .opposes, "peru") && !has(cs, "norway", .supports, "peru"))
    }
}

@Suite struct Round12Hostile {
    /// A dateline of several words (a place mention from the first token) before a coordinator:
    /// coordination never looks before the sentence's first token.
    @Test func aLongDatelineBeforeACoordinator() {
        let graph = [
            ActorNode(id: "haiti", name: "Government of Haiti", kind: .government, aliases: ["Haiti"], country: "HT"),
            ActorNode(id: "kenya", name: "Government of Kenya", kind: .government, aliases: ["Kenya"], country: "KE"),
        ]
        // the dateline "PORT-AU-PRINCE," is a place mention on tokens 0–2, then a list
        let cs = extractWith(graph, "PORT-AU-PRINCE, Kenya and Haiti met on Tuesday.")
        #expect(has(cs, "kenya", .meets, "haiti") || has(cs, "haiti", .meets, "kenya"))
    }
}
