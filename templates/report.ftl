<#ftl output_format="HTML">
<#-- A daily report, rendered by JBake. The body is the report's Markdown as HTML, rendered by
     commonmark-java with raw HTML escaped. The neighbours come from the staged header. -->
<#include "_layout.ftl">
<#assign root = content.rootpath>
<#macro daynav>
<nav class="daynav" aria-label="${t.dayNav}">
<#if content["daybook.prev"]??><a rel="prev" href="${root}${content["daybook.prev"]}">← ${t.previousDay} ${content["daybook.prev-date"]}</a><#else><span></span></#if>
<a href="${(root == "")?then("./", root)}">${t.home}</a>
<#if content["daybook.next"]??><a rel="next" href="${root}${content["daybook.next"]}">${t.nextDay} ${content["daybook.next-date"]} →</a><#else><span></span></#if>
</nav>
</#macro>
<@page title=content.title root=root bodyClass="report-page">
<@daynav/>
<#if content["daybook.week"]??>
<p class="digest-links"><a href="${root}${content["daybook.week"]}">${t.digestThis.weekly} ${content["daybook.week-id"]}</a> · <a href="${root}${content["daybook.month-digest"]}">${t.digestThis.monthly}</a></p>
</#if>
<#if (content["daybook.hidden-bots"]!0) gt 0>
<p class="note hidden-bots">${fmt(t.hiddenBots, commitCount(content["daybook.hidden-bots"]))}</p>
</#if>
<#-- The report keeps the language it was written in, whatever the site's. -->
<article class="report" lang="${((content["daybook.locale"]!"zh") == "en")?then("en", "zh-CN")}">
${content.body?no_esc}
</article>
<@daynav/>
</@page>
