import Foundation
import Testing
import TestSupport

/// path, centrality, allies, balance and communities on the seed graph, end to end.
struct AnalysisCLITests {
    let seed = "graphs/iraq-axis-2021-2024.yaml"

    @Test func pathIranToHamasCitesEveryHop() throws {
        let r = try runActorGraph(["path", seed, "Iran", "Hamas"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("path 1 (1 hop): Iran → Hamas"))
        #expect(r.stdout.contains("Iran —hosts→ Hamas  (2021-10, asserted) \"The representative of the Islamic Resistance Movement (Hamas) in Tehran Khaled al-Qodumi\" [002_1984d32938be4ce1.txt]"))
    }

    @Test func pathQatarToKataibAlImamAli() throws {
        let r = try runActorGraph(["path", seed, "qatar", "kataib al-imam ali"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("path 1 (2 hops): Qatar → Hamas → Kataib al-Imam Ali"))
        // Followed against its direction, the relation is printed as it is: KIA supports Hamas.
        #expect(r.stdout.contains("Hamas ←supports— Kataib al-Imam Ali  (2024-06, reported)"))
    }

    @Test func supportsOnlyDirectedQuestion() throws {
        let r = try runActorGraph(["path", seed, "iran", "hamas", "--types", "supports", "--directed", "--k", "3", "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let paths = try #require(json["paths"] as? [[String: Any]])
        // Only two exist: Iran → Hamas, and Iran → Islamic Resistance in Iraq → Hamas.
        #expect(paths.count == 2)
        #expect(paths.map { $0["length"] as! Double } == [1, 2])
        for path in paths {
            for hop in path["hops"] as! [[String: Any]] {
                let relations = hop["relations"] as! [[String: Any]]
                #expect(!relations.isEmpty)
                for relation in relations {
                    #expect(relation["type"] as? String == "supports")
                    #expect(relation["source"] as? String == hop["from"] as? String)
                    #expect(!((relation["evidence"] as! [[String: Any]]).isEmpty))
                }
            }
        }
    }

    @Test func noPathIsAnAnswerWithExitStatus3() throws {
        let r = try runActorGraph(["path", seed, "Mahmoud Abbas", "Israel", "--types", "hosts"])
        #expect(r.status == 3)
        #expect(r.stdout == "no path from Mahmoud Abbas to Israel (undirected; types hosts)\n")
        #expect(r.stderr.isEmpty)
        let json = try runActorGraph(["path", seed, "Mahmoud Abbas", "Israel", "--types", "hosts", "--format", "json"])
        #expect(json.status == 3)
        #expect(json.stdout.contains("\"paths\": []"))
    }

    @Test func kindsFilterKeepsRelationsBetweenThoseKinds() throws {
        // Iran reaches the United States only through non-state actors…
        let any = try runActorGraph(["path", seed, "iran", "united states", "--format", "json"])
        #expect(any.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(any.stdout.utf8)) as? [String: Any])
        let actors = ((json["paths"] as? [[String: Any]])?.first?["actors"] as? [String]) ?? []
        #expect(actors.count == 3 && actors.first == "iran" && actors.last == "united-states")
        // …so among governments alone there is no path.
        let governments = try runActorGraph(["path", seed, "iran", "united states", "--kinds", "government"])
        #expect(governments.status == 3)
        #expect(governments.stdout == "no path from Iran to United States (undirected; kinds government)\n")
        #expect(try runActorGraph(["path", seed, "iran", "hamas", "--kinds", "militias"]).status == 64)
    }

    @Test func avoidingAnActorReroutes() throws {
        let direct = try runActorGraph(["path", seed, "iran", "hamas", "--avoid", "iraq-gov", "--all", "--format", "json"])
        #expect(direct.status == 0)
        let r = try runActorGraph(["path", seed, "qatar", "kataib-imam-ali", "--avoid", "hamas"])
        #expect(r.status == 3 || !r.stdout.contains("→ Hamas →"))
    }

    @Test func balanceListsUnbalancedTrianglesWithEvidence() throws {
        let r = try runActorGraph(["balance", seed])
        #expect(r.status == 0)
        #expect(r.stdout.contains("triangles: 14   +++ 3 · ++− 1 · +−− 8 · −−− 2"))
        #expect(r.stdout.contains("unbalanced triangles (3):"))
        #expect(r.stdout.contains("++−  Mohammed Shia al-Sudani · Islamic Resistance in Iraq · Iran"))
        #expect(r.stdout.contains("\"the coalition of militias under the umbrella of Iran gave Iraqi Prime Minister"))
        #expect(r.stdout.contains("ambivalent pairs (1;"))
        #expect(r.stdout.contains("two camps (exact (branch and bound)): 1 tie violated"))
        let json = try runActorGraph(["balance", seed, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["census"] as? [String: Int])?["−−−"] == 2)
        #expect(((object["split"] as? [String: Any])?["exact"] as? Bool) == true)
    }

    @Test func alliesIncludeEnemiesOfEnemies() throws {
        let r = try runActorGraph(["allies", seed, "Kataib al-Imam Ali"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("allies (2):\n  Hezbollah"))
        #expect(r.stdout.contains("  Qais al-Khazali through US forces in Iraq and the region"))
        let json = try runActorGraph(["allies", seed, "kataib-imam-ali", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["adversaries"] as? [[String: Any]])?.count == 2)
    }

    @Test func centralityTableCSVAndJSON() throws {
        let table = try runActorGraph(["centrality", seed, "--top", "3"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("   1  Hamas"))
        let csv = try runActorGraph(["centrality", seed, "--measure", "betweenness,supports", "--top", "0", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 45)
        #expect(csv.stdout.hasPrefix("rank,id,name,kind,betweenness,supports\n1,iraq-gov,Government of Iraq,government,"))
        let json = try runActorGraph(["centrality", seed, "--measure", "pagerank,katz,eigenvector,core,harmonic", "--format", "json", "--mode", "undirected"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["ranking"] as? [[String: Any]])?.count == 20)
        #expect(try runActorGraph(["centrality", seed, "--measure", "fame"]).status == 64)
    }

    @Test func communitiesReportModularity() throws {
        let r = try runActorGraph(["communities", seed, "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((object["modularity"] as? Double ?? 0) > 0.3)
        #expect((object["weakComponents"] as? [[String]])?.first?.count == 36)
        // Same seed, same answer.
        #expect(try runActorGraph(["communities", seed, "--format", "json"]).stdout == r.stdout)
    }
}
