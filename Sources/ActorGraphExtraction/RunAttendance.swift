import ActorGraphCore
import Foundation

/// Attendance: a foreign guest at an event held in a state.
extension Run {
    /// Events one attends as a guest of the place: "X attended the ceremony in Y".
    static let attendedEvents: Set<String> = eventNouns.union([
        "ceremony", "inauguration", "funeral", "signing", "swearing-in", "celebrations", "celebration", "parade",
        "opening", "commemoration", "investiture", "coronation", "wedding", "games", "festival",
    ])

    static let attendVerbs: Set<String> = ["attended", "attends", "attend", "attending"]

    /// "X attended the ceremony in Y", or with no place named, in the dateline's state: Y hosts X
    /// when X is from elsewhere.
    /// - Complexity: O(n) for the sentence's n tokens (each attendance scans at most 14).
    func attendanceHosts(sentence: Int, date: PartialDate?, quote: String) -> [Candidate] {
        let n = tokens.count
        var result: [Candidate] = []
        for v in 0..<n where owner[v] == nil && Self.attendVerbs.contains(tokens[v].key) {
            var k = v + 1
            while k < min(n, v + 4), owner[k] == nil, Self.determiners.contains(tokens[k].key) || tokens[k].kind == .word && !tokens[k].isCapitalized
                    && !Self.attendedEvents.contains(tokens[k].key) && !Self.prepositions.contains(tokens[k].key) { k += 1 }
            guard k < n, owner[k] == nil, Self.attendedEvents.contains(tokens[k].key) else { continue }
            var venue: Mention?
            var j = k + 1
            while j < min(n, k + 12), ![";", "\u{2014}"].contains(tokens[j].key) {
                if let m = owner[j] {
                    // "attended the funeral of X in Rome": past X to the place
                    if mentions[m].isLocation, mentions[m].kind == .government { venue = mentions[m]; break }
                    j = mentions[m].range.upperBound
                    continue
                }
                j += 1
            }
            let host = venue?.actor ?? datelineActor
            guard let host, proposals[host] == nil else { continue }
            let label = String(text[tokens[v].range.lowerBound..<tokens[k].range.upperBound])
            for s in subjects(before: v) where mentions[s].actor != host {
                let guest = mentions[s]
                if let hc = country(of: host), hc == country(of: guest.actor) { continue }
                if guest.kind == .person, country(of: guest.actor) == nil { continue }
                let confidence = ((0.6 * guest.certainty - (venue == nil ? 0.1 : 0)) * 100).rounded() / 100
                result.append(Candidate(source: host, target: guest.actor, type: .hosts,
                                        modality: modality(trigger: v, negated: isNegated(before: v), parties: [host, guest.actor]),
                                        date: date, label: label, quote: quote, document: document, confidence: confidence,
                                        rule: venue == nil ? "attendance:dateline" : "attendance", sentence: sentence))
            }
        }
        return result
    }
}
