import AccidentTestSupport
import Foundation

/// Small BAAC years written by the tests, following the layouts documented in
/// `../shared/data/baac-raw-sample/README.md` (real 2016 header lines and rows quoted there).
enum BAACFixtures {
    /// 2005–2018 layout: `,`, unquoted (one quoted address), 2-digit `an`, integer `hrmn`,
    /// 1e-5 degree coordinates, `dep` + 0, 3-digit `com`, one two-digit `secu`.
    static let y2016: [String: String] = [
        "caracteristiques_2016.csv": """
            Num_Acc,an,mois,jour,hrmn,lum,agg,int,atm,col,com,adr,gps,lat,long,dep
            201600000299,16,6,6,1700,1,2,1,1,6,767,place louis lebel,M,5038178,0233586,620
            201600000300,16,7,8,45,0,2,0,1,3,004,,M,4192560,0873600,201
            201600000301,16,7,29,1300,1,2,1,1,1,411,RN2,R,-2093108,5553722,974
            201600000302,16,9,10,1045,1,1,1,1,6,,"rue ""X"", lieu-dit",M,,,10

            """,
        "lieux_2016.csv": """
            Num_Acc,catr,voie,v1,v2,circ,nbv,pr,pr1,vosp,prof,plan,lartpc,larrout,surf,infra,situ,env1
            201600000299,1,55,,,1,02,18,0,0,1,1,040,070,1,0,1,00
            201600000300,3,7,,,0,03,275,0,0,0,3,000,000,2,1,1,99
            201600000301,4,,,,2,2,,,0,1,1,,105,1,0,1,0
            201600000302,4,,,,2,2,,,0,1,1,,.,1,0,1,0

            """,
        "vehicules_2016.csv": """
            Num_Acc,senc,catv,occutc,obs,obsm,choc,manv,num_veh
            201600000299,0,07,0,0,2,1,1,A01
            201600000299,0,33,0,0,2,3,15,B02
            201600000300,1,07,0,1,0,1,1,A01
            201600000301,2,37,12,0,1,1,2,A01
            201600000302,0,01,0,0,2,0,0,A01

            """,
        "usagers_2016.csv": """
            Num_Acc,place,catu,grav,sexe,trajet,secu,locp,actp,etatp,an_nais,num_veh
            201600000299,1,1,3,2,1,11,0,0,0,1979,A01
            201600000299,1,1,1,1,5,22,0,0,0,1990,B02
            201600000299,2,2,4,2,0,13,0,0,0,,A01
            201600000300,1,1,1,1,1,,0,0,0,1960,A01
            201600000301,,3,2,1,0,93,3,A,1,1950,A01
            201600000302,1,1,4,1,0,41,0,0,0,2001,A01

            """,
    ]

    /// 2022+ layout: `carcteristiques` with `Accident_Id`, `usagers` with `id_usager`, CRLF line
    /// ends, Corsica, ids grouped by a UTF-8 no-break space or a plain space.
    static let y2022: [String: String] = [
        "carcteristiques-2022.csv": """
            "Accident_Id";"jour";"mois";"an";"hrmn";"lum";"dep";"com";"agg";"int";"atm";"col";"adr";"lat";"long"
            "202200000001";"19";"10";"2022";"16:30";"1";"2A";"2A004";"2";"1";"1";"3";"RUE ""A"", B";"41,9192200000";"8,7386300000"
            "202200000002";"1";"01";"2022";"00:05";"5";"2B";"2B033";"1";"1";"2";"1";"";"42,6970000000";" -0,5000000000"

            """,
        "lieux-2022.csv": """
            "Num_Acc";"catr";"voie";"v1";"v2";"circ";"nbv";"vosp";"prof";"pr";"pr1";"plan";"lartpc";"larrout";"surf";"infra";"situ";"vma"
            "202200000001";"4";"N/A";" -1";"N/A";"2";"2";"0";"1";"(1)";"(1)";"1";"";"5,5";"1";"0";"1";"50"
            "202200000002";"3";"12";"0";"";" -1";" -1";" -1";"2";"3";"200";"2";"";" -1";"2";"0";"1";"90"

            """,
        "vehicules-2022.csv": """
            "Num_Acc";"id_vehicule";"num_veh";"senc";"catv";"obs";"obsm";"choc";"manv";"motor";"occutc"
            "202200000001";"813\u{A0}952";"A01";"1";"7";"0";"2";"1";"1";"1";""
            "202200000002";"813 953";"A01";"2";"33";"1";"0";"1";"1";"1";""

            """,
        "usagers-2022.csv": """
            "Num_Acc";"id_usager";"id_vehicule";"num_veh";"place";"catu";"grav";"sexe";"an_nais";"trajet";"secu1";"secu2";"secu3";"locp";"actp";"etatp"
            "202200000001";"1\u{A0}099\u{A0}700";"813\u{A0}952";"A01";"1";"1";"3";"1";"1985";"5";"1";"5";" -1";"0";"0";" -1"
            "202200000001";"1\u{A0}099\u{A0}701";"813\u{A0}952";"A01";"10";"3";"2";"2";"1940";"0";"0";" -1";" -1";"2";"B";"1"
            "202200000002";"1 099 702";"813 953";"A01";"1";"1";"4";"2";"";"1";"2";"6";" -1";"0";"0";" -1"

            """,
    ]

    /// A tiny 2019–2021 year (the real 2021 header lines) that the error tests break one piece at a time.
    static let y2021: [String: String] = [
        "caracteristiques-2021.csv": """
            "Num_Acc";"jour";"mois";"an";"hrmn";"lum";"dep";"com";"agg";"int";"atm";"col";"adr";"lat";"long"
            "202100000001";"30";"11";"2021";"07:32";"2";"30";"30319";"1";"1";"1";"1";"CD 981";"44,0389580000";"4,3480220000"
            "202100000002";"25";"09";"2021";"14:20";"1";"51";"51544";"1";"3";"1";"3";"Aire";"49,2421290000";"4,5545460000"

            """,
        "lieux-2021.csv": """
            "Num_Acc";"catr";"voie";"v1";"v2";"circ";"nbv";"vosp";"prof";"pr";"pr1";"plan";"lartpc";"larrout";"surf";"infra";"situ";"vma"
            "202100000001";"3";"981";" -1";"N/A";"2";"2";"0";"1";"(1)";"(1)";"1";"";" -1";"1";"0";"1";"80"
            "202100000002";"3";"20";"0";"E";"2";"2";"0";"1";"0";"10";"1";"";" -1";"1";"0";"1";"80"

            """,
        "vehicules-2021.csv": """
            "Num_Acc";"id_vehicule";"num_veh";"senc";"catv";"obs";"obsm";"choc";"manv";"motor";"occutc"
            "202100000001";"201Â\u{A0}764";"B01";"1";"1";"0";"2";"1";"1";"5";""
            "202100000001";"201Â\u{A0}765";"A01";"1";"7";"0";"9";"3";"17";"1";""
            "202100000002";"201Â\u{A0}762";"A01";"0";"7";"2";"2";"1";"1";"0";""

            """,
        "usagers-2021.csv": """
            "Num_Acc";"id_vehicule";"num_veh";"place";"catu";"grav";"sexe";"an_nais";"trajet";"secu1";"secu2";"secu3";"locp";"actp";"etatp"
            "202100000001";"201Â\u{A0}764";"B01";"1";"1";"3";"1";"2000";"1";"0";"9";" -1";"0";"0";" -1"
            "202100000001";"201Â\u{A0}765";"A01";"1";"1";"1";"1";"1978";"1";"1";" -1";" -1";"0";"0";" -1"
            "202100000002";"201Â\u{A0}762";"A01";"1";"1";"4";"1";"1983";"0";"1";" -1";" -1";"0";"0";" -1"

            """,
    ]

    /// Writes a fixture year into `folder` (optionally under `subfolder`), with CRLF line ends
    /// when asked; returns the folder the files are in.
    @discardableResult
    static func write(_ files: [String: String], to folder: TemporaryFolder, subfolder: String = "",
                      crlf: Bool = false) throws -> URL {
        for (name, text) in files {
            let body = crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
            try folder.write(subfolder.isEmpty ? name : "\(subfolder)/\(name)", body)
        }
        return subfolder.isEmpty ? folder.url : folder.url.appendingPathComponent(subfolder)
    }
}
