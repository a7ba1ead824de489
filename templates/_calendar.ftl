<#ftl output_format="HTML">
<#-- The parts of the calendar pages (home, month, year). -->
<#-- A day's counts; a severity without commits gets no chip. -->
<#macro counts d>
<span class="counts"><span class="count">${commitCount(d.commits)}</span><#list ["high", "medium", "low"] as k><#if (d[k] > 0)> <span class="chip chip-${k}" title="${t.severityTitle[k]}">${badge[k]} ${d[k]}</span></#if></#list></span>
</#macro>
<#-- Says that a day is not over yet, and up to when its report holds the commits. -->
<#macro partialNote d><#if d.partial> <span class="note">${fmt(t.partialAsOf, d.asOf)}</span></#if></#macro>
<#-- Commits as a short list: badge, title (to its place in the report), SHA, repository, author. -->
<#macro entries list>
<ul class="entries">
<#list list as e>
<li><span class="badge badge-${e.severity}">${e.badge}</span> <a href="${root}${e.path}" dir="auto">${e.title}</a> <small><code>${e.sha}</code> · ${e.repo} · <bdi>${e.author}</bdi></small></li>
</#list>
</ul>
</#macro>
<#-- A month as a calendar table, Monday first: a day with a report links to it, coloured by its
     most important commit. Its caption links to the month's page (unless it is on it). -->
<#macro monthTable m link=true>
<table class="month" id="m${m.id}">
<caption><#if link><a href="${root}${m.path}">${monthName(m.year, m.month)}</a><#else>${monthName(m.year, m.month)}</#if> <span class="count">${commitCount(m.commits)}</span></caption>
<thead><tr><#list t.weekdays as w><th scope="col">${w}</th></#list></tr></thead>
<tbody>
<#list m.weeks as week>
<tr><#list week as c><#if !c.day??><td></td><#elseif c.path??><td class="day level-${c.level}"><a href="${root}${c.path}" title="${c.date}: ${commitCount(c.commits)}">${c.day}</a></td><#else><td class="day">${c.day}</td></#if></#list></tr>
</#list>
</tbody>
</table>
</#macro>
<#include "_chart.ftl">
