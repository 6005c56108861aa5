import ActorGraphCore
import Foundation

/// Modality from the words around a trigger that are no cue of the lexicon: an allegation before
/// it, a time still to come after it.
extension Run {
    /// "X, accused of commissioning the murder of Y", "the group is blamed for the killing of Y":
    /// an act someone is accused, blamed, suspected or charged with, within eight words after the
    /// phrase and in its clause, is an allegation, reported.
    func isAlleged(_ trigger: Int) -> Bool {
        let phrases = Self.allegations
        var k = trigger - 1
        while k >= 1, k >= trigger - 9 {
            // no comma ("X, accused of fraud, met Y") and no party between ("charged with
            // mediating between X and Y, met Z")
            if tokens[k].kind == .punctuation || owner[k] != nil { return false }
            if let prep = phrases[tokens[k - 1].key], tokens[k].key == prep { return true }
            k -= 1
        }
        return false
    }

    /// The participle of an allegation and its preposition ("accused of").
    static let allegations: [String: String] = ["accused": "of", "blamed": "for", "suspected": "of", "charged": "with"]

    static let timeUnits: Set<String> = weekdays.union([
        "week", "weeks", "month", "months", "year", "years", "weekend", "spring", "summer", "autumn", "fall", "winter", "days",
    ])

    /// "accepted an invitation to visit Dakar early next year", "talks in Geneva later this
    /// month": a time still to come within eight words after the trigger, in its own phrase (no
    /// comma or coordinator between: "met last week and will meet again next month" is not).
    func futureTime(after trigger: Int) -> Bool {
        // a past form ("met", "signed": the lexicon's past and participle forms) is a past event,
        // whatever comes after it
        let verb = tokens[trigger].key
        if verb.hasSuffix("ed") || extractor.lexicon.variants[verb]?.contains(where: \.isParticiple) == true { return false }
        var k = trigger + 1
        while k + 1 < tokens.count, k <= trigger + 8 {
            let key = tokens[k].key
            if [",", ";", ":", "and", "but", "said", "says", "that", "ahead", "before", "after", "when", "\""].contains(key) { return false }
            let next = tokens[k + 1].key
            // "next week's summit" names an event, not when this one happens
            let possessive = k + 2 < tokens.count && tokens[k + 2].kind == .possessive
            if key == "next", Self.timeUnits.contains(next), !possessive { return true }
            if key == "later", next == "this" { return true }
            if key == "coming", Self.timeUnits.contains(next), !possessive { return true }
            k += 1
        }
        return false
    }
}
