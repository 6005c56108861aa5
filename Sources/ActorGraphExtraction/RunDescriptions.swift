import ActorGraphCore
import Foundation

/// Mentions by description and by title: "Sarni fighters", "the army", "Iraqi Prime Minister X",
/// "the group's leader".
extension Run {
    /// A description that stands for an actor at token `i` (docs/EXTRACTION.md, round 4): adds
    /// its mention and returns the token after it.
    mutating func descriptionMention(at i: Int) -> Int? {
        let n = tokens.count
        // "the army", "army positions": a common word the graph gives one actor ("the army").
        if let actor = dictionary.descriptiveAliases[tokens[i].key], !tokens[i].isCapitalized || i == 0 {
            let l = i + 1 < n ? CueIndex.longest(extractor.cues.armedNouns, tokens, at: i + 1) ?? 0 : 0
            if previousKey(i) == "the" || l > 0 {
                addMention(Mention(actor: actor, range: i..<(i + 1 + l), rule: .name, isLocation: isPlace(i, throughThe: true),
                                   kind: kind(of: actor), certainty: 0.85))
                return i + 1 + l
            }
        }
        // "Sarni fighters", "Sarni targets": a group's plural name as an adjective.
        if tokens[i].isCapitalized, !tokens[i].hyphenBefore, let actor = dictionary.groupAdjectives[tokens[i].key], i + 1 < n {
            if let l = CueIndex.longest(extractor.cues.armedNouns, tokens, at: i + 1)
                ?? CueIndex.longest(extractor.cues.assetNouns, tokens, at: i + 1) {
                addMention(Mention(actor: actor, range: i..<(i + 1 + l), rule: .adjective, isLocation: isPlace(i, throughThe: true),
                                   kind: kind(of: actor), certainty: 0.85))
                return i + 1 + l
            } else if actsThroughNoun(after: i + 1) {
                addMention(Mention(actor: actor, range: i..<(i + 1), rule: .adjective, isLocation: false,
                                   kind: kind(of: actor), certainty: 0.85))
            }
        }
        return nil
    }

    /// "the group's leader", "Dalmora's foreign minister": the one person holding that role.
    mutating func findRoleHolders() {
        let n = tokens.count
        for i in 1..<max(1, n) where tokens[i].kind == .possessive {
            guard let m = owner[i - 1] else { continue }
            var k = i + 1
            if k < n, ["new", "former", "top", "senior", "own"].contains(tokens[k].key) { k += 1 }
            guard let l = CueIndex.longest(extractor.cues.titles, tokens, at: k), (k..<(k + l)).allSatisfy({ owner[$0] == nil }),
                  !(k + l < n && tokens[k + l].isCapitalized && tokens[k + l].kind == .word),
                  let person = dictionary.holder(of: mentions[m].actor, role: tokens[k..<(k + l)].map(\.key)) else { continue }
            addMention(Mention(actor: person, range: k..<(k + l), rule: .role, isLocation: false, kind: .person,
                               certainty: 0.8 * mentions[m].certainty))
        }
    }

    /// Where a person's mention starts when a title, and a nationality before it, precede the
    /// name ("Iraqi Prime Minister X", "former president X"): the title joins the mention.
    func titleStart(before i: Int) -> Int {
        var best = i
        for s in stride(from: i - 1, through: max(0, i - 4), by: -1) where owner[s] == nil {
            if let l = CueIndex.longest(extractor.cues.titles, tokens, at: s), s + l == i,
               (s..<i).allSatisfy({ owner[$0] == nil }) {
                best = s
            }
        }
        guard best < i else { return i }
        var k = best - 1
        // "Finance Minister X", "Industry and Trade Minister Y": the portfolio before the title.
        var portfolio = k
        while portfolio >= 0, portfolio >= best - 3, owner[portfolio] == nil, tokens[portfolio].kind == .word,
              tokens[portfolio].isCapitalized || (tokens[portfolio].key == "and" && portfolio > 0 && tokens[portfolio - 1].isCapitalized),
              dictionary.matchState(tokens, at: portfolio) == nil, portfolio > 0 { portfolio -= 1 }
        var first = portfolio + 1
        while first <= k, tokens[first].key == "and" { first += 1 }
        if first <= k { best = first; k = first - 1 }
        if k >= 0, ["former", "deputy", "acting", "then", "new", "senior"].contains(tokens[k].key), owner[k] == nil { best = k; k -= 1 }
        if k >= 0, owner[k] == nil, let (l, e) = dictionary.matchState(tokens, at: k), e.isAdjective, k + l == best { best = k }
        return best
    }
}
