<#ftl output_format="HTML">
<#-- Home: the latest report, the recent days, the totals and the archive calendar. -->
<#include "_layout.ftl">
<#macro counts d>
<span class="counts"><span class="count">${d.commits} ${t.commits}</span><#list ["high", "medium", "low"] as k> <span class="chip chip-${k}" title="${t.severityTitle[k]}">${badge[k]} ${d[k]}</span></#list></span>
</#macro>
<@page title=t.home root=root bodyClass="home">
<h1 class="visually-hidden">${site.title}</h1>
<#if latest??>
<section class="latest" aria-labelledby="latest-title">
<h2 id="latest-title">${t.latest}</h2>
<p class="latest-day"><a href="${root}${latest.path}">${latest.title}</a> <@counts latest/><#if latest.partial> <span class="note">${t.partial}</span></#if></p>
<#if latest.highlights?has_content>
<ul class="entries">
<#list latest.highlights as e>
<li class="entry sev-${e.severity}"><span class="badge badge-${e.severity}">${e.badge}</span> <a href="${root}${e.path}">${e.title}</a> <span class="meta"><code>${e.sha}</code> · ${e.repo} · ${e.author}</span></li>
</#list>
</ul>
<#else>
<p>${t.noHighlights}</p>
</#if>
<p><a class="button" href="${root}${latest.path}">${t.readReport} →</a></p>
</section>
<section class="recent" aria-labelledby="recent-title">
<h2 id="recent-title">${t.recent}</h2>
<ul class="days">
<#list recent as d>
<li><a href="${root}${d.path}">${d.date}</a> <@counts d/></li>
</#list>
</ul>
</section>
<section class="totals" aria-labelledby="totals-title">
<h2 id="totals-title">${t.totals}</h2>
<p>${days} ${t.days} · ${commits} ${t.commits}</p>
<div class="totals-grid">
<div>
<h3>${t.severities}</h3>
<ul>
<#list totals.severities as s>
<li><a href="${root}${s.path}">${badge[s.key]} ${t.severityTitle[s.key]}</a> <span class="count">${s.commits}</span></li>
</#list>
</ul>
</div>
<div>
<h3>${t.repos}</h3>
<ul>
<#list totals.repos as r>
<li><a href="${root}${r.path}">${r.name}</a> <span class="count">${r.commits}</span></li>
</#list>
</ul>
</div>
</div>
</section>
<section class="archive" aria-labelledby="archive-title">
<h2 id="archive-title">${t.archive}</h2>
<#list calendar as y>
<h3 id="y${y.year}">${y.year}</h3>
<div class="months">
<#list y.months as m>
<table class="month" id="m${m.id}">
<caption>${fmt(t.monthTitle, m.year?c, t.months[m.month - 1])}</caption>
<thead><tr><#list t.weekdays as w><th scope="col">${w}</th></#list></tr></thead>
<tbody>
<#list m.weeks as week>
<tr><#list week as c><#if !c.day??><td></td><#elseif c.path??><td class="day level-${c.level}"><a href="${root}${c.path}" title="${c.date}: ${c.commits} ${t.commits}">${c.day}</a></td><#else><td class="day">${c.day}</td></#if></#list></tr>
</#list>
</tbody>
</table>
</#list>
</div>
</#list>
</section>
<#else>
<p>${t.noReports}</p>
</#if>
</@page>
