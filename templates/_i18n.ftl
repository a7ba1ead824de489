<#-- The site's fixed words in both languages; site.lang picks one set. -->
<#global t = (site.lang == "en")?then({
  "home": "Home", "skip": "Skip to content", "toTop": "Back to top", "siteNav": "Site", "dayNav": "Days",
  "about": "About", "feed": "Feed", "search": "Search",
  "searchLabel": "Search the reports", "searchHelp": "Words, names, a SHA, \"a phrase\", -exclude, a OR b, repo: severity: type: author: path: date: sha:",
  "searchNoScript": "The search needs JavaScript; it runs in your browser on the site's own files.", "subscribe": "Subscribe (Atom)",
  "severityName": {"high": "High", "medium": "Medium", "low": "Low"},
  "severityTitle": {"high": "High importance", "medium": "Medium importance", "low": "Low importance"},
  "latest": "Latest report", "recent": "Recent days", "archive": "Archive", "totals": "Totals",
  "repos": "Repositories", "severities": "Severity", "commits": "commits", "days": "days",
  "previousDay": "Previous day", "nextDay": "Next day",
  "olderInSearch": "The {0} before these, in the search",
  "dateRange": "{0} to {1}", "weekdays": ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
  "months": ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"],
  "monthTitle": "{1} {0}", "notFound": "Page not found",
  "notFoundText": "There is no page at this address. The archive starts at the home page.",
  "noReports": "No reports yet.", "repoTitle": "Commits of {0}",
  "severityPage": "Commits of {0}", "readReport": "Read the report",
  "partial": "day not over yet", "highlights": "High and medium importance",
  "noHighlights": "Nothing of high or medium importance on this day.",
  "date": "Date", "author": "Author", "type": "Type", "made": "Made with Daybook from the Markdown archive.",
  "searchPlaceholder": "Search (press /)", "types": "Change types",
  "typePage": "Commits of type {0}", "yearTitle": "{0}", "years": "Years",
  "previousMonth": "Previous month", "nextMonth": "Next month",
  "previousYear": "Previous year", "nextYear": "Next year",
  "partialAsOf": "day not over yet; commits up to {0}", "today": "Today so far",
  "folded": "{0} of low importance",
  "jump": "Jump to a date", "go": "Go", "byMonth": "By month",
  "monthReports": "The days", "yearMonths": "The months",
  "descSite": "Daily reports on the commits of {0}.", "descList": "{0}: {1}, newest first.",
  "descArchive": "{0}, {1}: {2}.", "descCalendar": "Daily reports of {0}: {1} days, {2}.",
  "noCommits": "No commits on this day.", "listSeparator": ", ",
  "noEntries": "No commit in the archive is listed here yet.",
  "weekdayNames": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  "weekName": "Week {1} of {0}",
  "digestTitle": {"weekly": "Weekly digest: {0}", "monthly": "Monthly digest: {0}"},
  "digestList": {"weekly": "Weekly digests", "monthly": "Monthly digests"},
  "digestPrevious": {"weekly": "Previous week", "monthly": "Previous month"},
  "digestNext": {"weekly": "Next week", "monthly": "Next month"},
  "digestThis": {"weekly": "This week's digest", "monthly": "This month's digest"},
  "digestLatest": {"weekly": "Latest week", "monthly": "Latest month"},
  "digests": "Digests", "monthWeeks": "Its weeks",
  "daysReported": "{0} of {1} days reported", "bySeverity": "By severity",
  "byType": "By change type", "thisPeriod": "This period", "previousPeriod": "Before",
  "change": "Change",
  "noBefore": "The archive has no report of the period before, so there is nothing to compare with.",
  "highCommits": "High-importance commits",
  "noHigh": "No commit of high importance in this period.",
  "areas": "Most-changed areas",
  "areasNote": "By the number of commits whose report names a file there; an area is a file's folder, cut to three levels.",
  "topLevel": "(top-level files)", "noAreas": "The reports of this period name no files.",
  "reverts": "Reverts", "revertOf": "reverts", "revertedNotHere": "the reverted commit is not in the archive",
  "noReverts": "No reverts in this period.",
  "contributors": "Contributors", "commitsColumn": "Commits", "highColumn": "High",
  "firstSeen": "first seen in this archive", "bots": "Bots",
  "newcomers": "New contributors",
  "newcomersNote": "First seen in this archive's history of the repository: this says nothing of the repository's history before the archive.",
  "noNewcomers": "No one new in this period.",
  "archiveOpens": "The archive begins in this period: everyone in it is seen for the first time.", "firstCommit": "first commit",
  "everyDay": "Every day", "noReport": "no report", "byRepository": "By repository",
  "wholeArchive": "All repositories",
  "periodSentence": {"weekly": "{0} this week: {1}.", "monthly": "{0} this month: {1}."},
  "periodNoCommits": {"weekly": "No commits this week.", "monthly": "No commits this month."},
  "descDigests": "{0}: every period, newest first.",
  "breakingTitle": "Breaking changes", "breakingShort": "Breaking", "breakingWhy": "why: ", "alsoTypes": "also: ",
  "breakingPage": "Breaking changes: every commit",
  "noBreaking": "No commit marked breaking in this period.",
  "watchPage": "Watch: {0}", "watchQuery": "Commits found by: ",
  "hiddenBots": "The table leaves out {0} by bots (site.hide-bots); their analyses are below.",
  "chartTitle": {"day": "Commits per day, by importance", "week": "Commits per week, by importance", "month": "Commits per month, by importance"},
  "chartBusiest": {"day": "Busiest day: {0}, {1}.", "week": "Busiest week: {0}, {1}.", "month": "Busiest month: {0}, {1}."},
  "chartSummary": "{0}: {1}."
}, {
  "home": "首页", "skip": "跳到正文", "toTop": "回到顶部", "siteNav": "站点导航", "dayNav": "日期导航",
  "about": "关于", "feed": "订阅", "search": "搜索",
  "searchLabel": "搜索日报", "searchHelp": "词语、作者名、SHA、\"短语\"、-排除、a OR b、repo: severity: type: author: path: date: sha:",
  "searchNoScript": "搜索需要 JavaScript，它在浏览器中读取本站的静态文件运行。", "subscribe": "订阅（Atom）",
  "severityName": {"high": "高", "medium": "中", "low": "低"},
  "severityTitle": {"high": "高重要度", "medium": "中重要度", "low": "低重要度"},
  "latest": "最新日报", "recent": "最近几天", "archive": "归档", "totals": "统计",
  "repos": "仓库", "severities": "重要程度", "commits": "个提交", "days": "天",
  "previousDay": "前一天", "nextDay": "后一天",
  "olderInSearch": "在搜索中查看更早的 {0}",
  "dateRange": "{0} 至 {1}", "weekdays": ["一", "二", "三", "四", "五", "六", "日"],
  "months": ["1 月", "2 月", "3 月", "4 月", "5 月", "6 月", "7 月", "8 月", "9 月", "10 月",
             "11 月", "12 月"],
  "monthTitle": "{0} 年 {1}", "notFound": "页面不存在",
  "notFoundText": "这个地址没有页面。可以从首页开始浏览归档。",
  "noReports": "还没有日报。", "repoTitle": "{0} 的提交",
  "severityPage": "{0}的提交", "readReport": "阅读日报",
  "partial": "本日尚未结束", "highlights": "高、中重要度变更",
  "noHighlights": "这一天没有高或中重要度的变更。",
  "date": "日期", "author": "作者", "type": "类型", "made": "由 Daybook 从 Markdown 归档生成。",
  "searchPlaceholder": "搜索（按 / 键）", "types": "变更类型",
  "typePage": "变更类型「{0}」的提交", "yearTitle": "{0} 年", "years": "年份",
  "previousMonth": "上个月", "nextMonth": "下个月",
  "previousYear": "上一年", "nextYear": "下一年",
  "partialAsOf": "本日尚未结束，截至 {0}", "today": "今日进行中",
  "folded": "另有 {0} 个低重要度提交",
  "jump": "跳到日期", "go": "前往", "byMonth": "按月份",
  "monthReports": "本月日报", "yearMonths": "本年各月",
  "descSite": "{0} 的每日提交报告。", "descList": "{0}：{1}，最新在前。",
  "descArchive": "{0}，{1}：{2}。", "descCalendar": "{0}的日报：{1} 天，{2}。",
  "noCommits": "本日无提交。", "listSeparator": "、",
  "noEntries": "归档中还没有属于这里的提交。",
  "weekdayNames": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  "weekName": "{0} 年第 {1} 周",
  "digestTitle": {"weekly": "周报：{0}", "monthly": "月报：{0}"},
  "digestList": {"weekly": "周报", "monthly": "月报"},
  "digestPrevious": {"weekly": "上一周", "monthly": "上个月"},
  "digestNext": {"weekly": "下一周", "monthly": "下个月"},
  "digestThis": {"weekly": "本周周报", "monthly": "本月月报"},
  "digestLatest": {"weekly": "最新一周", "monthly": "最新一月"},
  "digests": "周报与月报", "monthWeeks": "本月各周",
  "daysReported": "{1} 天中有 {0} 天有日报", "bySeverity": "按重要程度",
  "byType": "按变更类型", "thisPeriod": "本期", "previousPeriod": "上期",
  "change": "变化",
  "noBefore": "归档中没有上一期的日报，无从比较。",
  "highCommits": "高重要度提交",
  "noHigh": "这一期没有高重要度的提交。",
  "areas": "改动最多的目录",
  "areasNote": "按日报中列出该目录下文件的提交数计；目录取文件路径的前三级。",
  "topLevel": "（顶层文件）", "noAreas": "这一期的日报没有列出文件。",
  "reverts": "回滚", "revertOf": "回滚了", "revertedNotHere": "被回滚的提交不在归档中",
  "noReverts": "这一期没有回滚。",
  "contributors": "贡献者", "commitsColumn": "提交数", "highColumn": "高重要度",
  "firstSeen": "首次出现于本归档", "bots": "机器人账号",
  "newcomers": "新贡献者",
  "newcomersNote": "指在本归档里该仓库的记录中首次出现，并不说明此前从未向该仓库提交过。",
  "noNewcomers": "这一期没有新贡献者。",
  "archiveOpens": "本归档从这一期开始，这一期的每位贡献者都是首次出现。", "firstCommit": "首个提交",
  "everyDay": "每一天", "noReport": "无日报", "byRepository": "各仓库",
  "wholeArchive": "全部仓库",
  "periodSentence": {"weekly": "本周共 {0}：{1}。", "monthly": "本月共 {0}：{1}。"},
  "periodNoCommits": {"weekly": "本周无提交。", "monthly": "本月无提交。"},
  "descDigests": "{0}：每一期，最新在前。",
  "breakingTitle": "破坏性变更", "breakingShort": "破坏性", "breakingWhy": "依据：", "alsoTypes": "也属：",
  "breakingPage": "破坏性变更：全部提交",
  "noBreaking": "这一期没有标为破坏性的提交。",
  "watchPage": "关注：{0}", "watchQuery": "按此查询找到的提交：",
  "hiddenBots": "表格中隐藏了机器人的 {0}（site.hide-bots），它们的分析仍在下文。",
  "chartTitle": {"day": "每日提交数（按重要度）", "week": "每周提交数（按重要度）", "month": "每月提交数（按重要度）"},
  "chartBusiest": {"day": "提交最多的一天：{0}，{1}。", "week": "提交最多的一周：{0}，{1}。", "month": "提交最多的月份：{0}，{1}。"},
  "chartSummary": "{0}：{1}。"
})>
<#function fmt pattern a b="" c="">
  <#return pattern?replace("{0}", a?string)?replace("{1}", b?string)?replace("{2}", c?string)>
</#function>
<#-- "1 commit", "9 commits", "9 个提交". -->
<#function commitCount n>
  <#if site.lang == "en"><#return n?c + (n == 1)?then(" commit", " commits")></#if>
  <#return n?c + " 个提交">
</#function>
<#-- A day's counts as a sentence: "本日共 9 个提交：🔴 高 1，🟡 中 5，🟢 低 3。",
     "9 commits: 🔴 High 1, 🟡 Medium 5, 🟢 Low 3."; a severity without commits is left out. -->
<#function daySentence d>
  <#if d.commits == 0><#return t.noCommits></#if>
  <#if site.lang == "en"><#return commitCount(d.commits) + ": " + severityParts(d) + "."></#if>
  <#return "本日共 " + commitCount(d.commits) + "：" + severityParts(d) + "。">
</#function>
<#-- Counts by severity: "🔴 高 1，🟡 中 5", "🔴 High 1, 🟡 Medium 5"; a severity without commits
     is left out. -->
<#function severityParts d>
  <#local parts = []>
  <#list ["high", "medium", "low"] as k>
    <#if (d[k] > 0)><#local parts = parts + [badge[k] + " " + t.severityName[k] + " " + d[k]?c]></#if>
  </#list>
  <#return parts?join((site.lang == "en")?then(", ", "，"))>
</#function>
<#-- A chart bar's or a whole chart's counts: "2026-02-06 · 9 个提交：🔴 高 1，🟡 中 5。". -->
<#function chartSentence name d>
  <#if d.commits == 0><#return name + commitCount(0)></#if>
  <#return fmt(t.chartSummary, name + commitCount(d.commits), severityParts(d))>
</#function>
<#-- A week's or a month's counts as a sentence: "本周共 9 个提交：🔴 高 1，🟡 中 5，🟢 低 3。",
     "9 commits this week: 🔴 High 1, 🟡 Medium 5, 🟢 Low 3." -->
<#function periodSentence kind d>
  <#if d.commits == 0><#return t.periodNoCommits[kind]></#if>
  <#return fmt(t.periodSentence[kind], commitCount(d.commits), severityParts(d))>
</#function>
<#-- A week's or a month's name: "2026 年第 6 周", "Week 6 of 2026", "2026 年 2 月". -->
<#function periodName kind p>
  <#if kind == "weekly"><#return fmt(t.weekName, p.year?c, p.number?c)></#if>
  <#return monthName(p.year, p.number)>
</#function>
<#-- A change in a count: "+3", "−2", "±0". -->
<#function change now before>
  <#if (now > before)><#return "+" + (now - before)?c></#if>
  <#if (now < before)><#return "−" + (before - now)?c></#if>
  <#return "±0">
</#function>
<#-- "2026 年 2 月", "February 2026". -->
<#function monthName year month>
  <#return fmt(t.monthTitle, year?c, t.months[month - 1])>
</#function>
<#global badge = {"high": "🔴", "medium": "🟡", "low": "🟢"}>
