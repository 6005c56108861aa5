import ActorGraphCore
import Foundation

/// Mentions of actors the graph does not have: a title before an unknown name, an unknown
/// organisation by its head word.
extension Run {
    /// Last words of a state's bodies ("Foreign Ministry", "General Staff"), not of its officials.
    static let bodyHeads: Set<String> = [
        "ministry", "staff", "office", "department", "presidency", "government", "administration", "cabinet", "embassy",
    ]

    /// 2. Titles before unknown names: "Prime Minister X" → a proposed person.
    /// - Complexity: O(n·t) for the sentence's tokens n and the longest title t.
    mutating func titledPersons() {
        let n = tokens.count
        var i = 0
        while i < n {
            guard owner[i] == nil, tokens[i].isCapitalized,
                  let length = CueIndex.longest(extractor.cues.titles, tokens, at: i) else { i += 1; continue }
            var k = i + length
            let start = k
            while k < n, owner[k] == nil, tokens[k].kind == .word, k - start < 4,
                  tokens[k].isCapitalized || (["al", "bin", "ibn", "abu", "el", "bint"].contains(tokens[k].key) && k > start) {
                k += 1
            }
            // "the General Staff", "Foreign Ministry": a state's body, not a title and a name
            let body = (CueIndex.longest(extractor.cues.governmentNouns, tokens, at: i) ?? 0) >= k - i
            if k > start, tokens[k - 1].isCapitalized, !body {
                let name = String(text[tokens[start].range.lowerBound..<tokens[k - 1].range.upperBound])
                var country: String?
                if i > 0, let (_, e) = dictionary.matchState(tokens, at: i - 1), e.isAdjective, !e.code.hasPrefix("actor:") { country = e.code }
                let id = propose(name, kind: .person, country: country, rule: "person-title")
                addMention(Mention(actor: id, range: start..<k, rule: .title, isLocation: false, kind: .person, certainty: 0.8))
            }
            i = max(k, i + 1)
        }
    }

    /// 3. Unknown organisations by their head word: "… Brigades", "Ministry of …"; a state's
    /// body after its possessive ("Russia's Defence Ministry") joins the state's mention.
    /// - Complexity: O(n) for the sentence's tokens n.
    mutating func unknownOrganizations() {
        let n = tokens.count
        var i = 0
        while i < n {
            guard owner[i] == nil, tokens[i].kind == .word, tokens[i].isCapitalized else { i += 1; continue }
            var start = i
            if tokens[i].key == "the" { start += 1 }
            var k = start
            while k < n, owner[k] == nil, tokens[k].kind == .word,
                  tokens[k].isCapitalized || (["of", "for", "the", "al", "el"].contains(tokens[k].key) && k > start) {
                k += 1
            }
            while k > start, !tokens[k - 1].isCapitalized { k -= 1 }
            // "Russia's Defence Ministry": a state's own body, named after its possessive, is the state.
            if k > start, start >= 2, tokens[start - 1].kind == .possessive, let g = owner[start - 2], mentions[g].kind == .government,
               !mentions[g].isLocation, CueIndex.longest(extractor.cues.governmentNouns, tokens, at: start) == k - start,
               Self.bodyHeads.contains(tokens[k - 1].key) {
                mentions[g].range = mentions[g].range.lowerBound..<k
                for j in (start - 1)..<k { owner[j] = g }
                i = k
                continue
            }
            if k - start >= 2 {
                let heads = (start..<k).compactMap { extractor.lexicon.organizationHeads[tokens[$0].key] }
                if let kind = heads.last {
                    let name = String(text[tokens[start].range.lowerBound..<tokens[k - 1].range.upperBound])
                    var country: String?
                    if let (_, e) = dictionary.matchState(tokens, at: start), e.isAdjective, !e.code.hasPrefix("actor:") { country = e.code }
                    let id = propose(name, kind: kind, country: country, rule: "organization-pattern")
                    addMention(Mention(actor: id, range: start..<k, rule: .pattern, isLocation: false, kind: kind, certainty: 0.8))
                }
            }
            i = max(k, i + 1)
        }
    }
}
