/// The HTML digest's style sheet, inline: system fonts only, one column that fits a phone,
/// light and dark colours from the reader's preference.
extension DigestRenderer {
    static let htmlStyle = """

        :root{color-scheme:light dark;--bg:#f6f5f1;--fg:#1c2230;--muted:#5b6474;--line:#e2dfd6;--card:#fff;\
        --accent:#1d5bb8;--chip:#ebeef3;--warn:#a13a00;--spike:#b3261e;--del:#fbe0de;--ins:#d8f2e0}
        @media (prefers-color-scheme:dark){:root{--bg:#121419;--fg:#e4e7ec;--muted:#98a1b0;--line:#2a303a;\
        --card:#1a1e25;--accent:#86b4ff;--chip:#262c36;--warn:#ffb27a;--spike:#ff8a80;--del:#4d2424;--ins:#1d3d29}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
        "Noto Sans","Noto Sans Armenian","Noto Sans Georgian",sans-serif;overflow-wrap:anywhere}
        header,main,footer{max-width:50rem;margin:0 auto;padding:0 1rem}
        header{padding-top:1.25rem}
        h1{font-size:1.45rem;line-height:1.2;margin:0 0 .2rem}
        h1 .day{color:var(--accent);white-space:nowrap}
        .summary-line{margin:0;color:var(--muted);font-size:.9rem}
        nav{display:flex;flex-wrap:wrap;gap:.35rem;margin:.8rem 0 0}
        nav a{padding:.1rem .65rem;border-radius:999px;background:var(--chip);color:var(--fg);text-decoration:none;font-size:.85rem}
        h2{font-size:1.15rem;margin:1.8rem 0 .7rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
        h3{margin:1.3rem 0 .4rem;color:var(--muted);font-size:.78rem;text-transform:uppercase;letter-spacing:.05em}
        .note{margin:0 0 .6rem;color:var(--muted);font-size:.85rem}
        a{color:var(--accent)}
        .story{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.7rem .95rem;margin:0 0 .7rem}
        .story.group{border-left:4px solid var(--accent)}
        .story-head{margin:0 0 .45rem;font-size:.85rem;color:var(--muted)}
        .story-head strong{color:var(--fg)}
        ul.items,ul.changes{list-style:none;margin:0;padding:0}
        ul.items>li+li{border-top:1px solid var(--line);margin-top:.6rem;padding-top:.6rem}
        ul.changes>li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.6rem .95rem;margin:0 0 .6rem}
        .title{margin:0;font-weight:600;font-size:1.03rem;line-height:1.35}
        .title a{text-decoration:none}
        .title a:hover,.title a:focus{text-decoration:underline}
        .bad-link{font-weight:400;color:var(--muted);font-size:.85rem}
        .line{margin:.15rem 0 0;color:var(--muted);font-size:.84rem}
        .feed{color:var(--fg);font-weight:500}
        .outlet{color:var(--muted)}
        .outlet::before{content:"("}
        .outlet::after{content:")"}
        .flag{display:inline-block;padding:0 .4rem;border-radius:4px;background:var(--chip);font-size:.78rem}
        .flag.warn{color:var(--warn);font-weight:600}
        .text{margin:.35rem 0 0;font-size:.93rem}
        .text p{margin:.25rem 0}
        .text ul,.text ol{margin:.25rem 0;padding-left:1.3rem}
        .text blockquote{margin:.3rem 0;padding-left:.7rem;border-left:3px solid var(--line)}
        .text pre{white-space:pre-wrap;overflow-x:auto}
        .why{margin:.35rem 0 0;color:var(--muted);font-size:.76rem;line-height:1.4}
        .table{overflow-x:auto}
        table{border-collapse:collapse;width:100%;overflow-wrap:normal;font-size:.88rem;background:var(--card);border:1px solid var(--line);border-radius:10px}
        #glance table{width:auto;min-width:min(100%,24rem)}
        th,td{text-align:left;padding:.3rem .55rem;border-bottom:1px solid var(--line);vertical-align:top}
        thead th{color:var(--muted);font-weight:500;font-size:.78rem;line-height:1.25}
        tbody th{font-weight:400}
        tr.entity th{padding-left:1.2rem}
        .n{text-align:right;font-variant-numeric:tabular-nums}
        .spike{color:var(--spike);font-weight:600;white-space:nowrap}
        .status{font-weight:600}
        .status.gone,.status.failing{color:var(--spike)}
        .status.degraded,.status.moved,.status.silent{color:var(--warn)}
        .diff{display:grid;grid-template-columns:1fr 1fr;gap:.45rem;margin:.45rem 0 0;font-size:.86rem}
        .diff>div{border:1px solid var(--line);border-radius:6px;padding:.35rem .55rem}
        .diff .label{display:block;color:var(--muted);font-size:.7rem;text-transform:uppercase;letter-spacing:.04em}
        del{background:var(--del);text-decoration:line-through}
        ins{background:var(--ins);text-decoration:none}
        footer{color:var(--muted);font-size:.78rem;padding-top:1.5rem;padding-bottom:2.5rem}
        @media (max-width:30rem){body{font-size:15px}header,main,footer{padding-left:.6rem;padding-right:.6rem}\
        .story,ul.changes>li{padding:.6rem .7rem;border-radius:8px}}

        """
}
