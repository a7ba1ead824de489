<#ftl output_format="HTML">
<#-- Home: the last full day with every commit (its low ones folded), the day not over yet below
     it, the recent days, the totals, the calendar of the recent months and the years. -->
<#include "_layout.ftl">
<#include "_calendar.ftl">
<@page title=t.home root=root bodyClass="home">
<h1 class="visually-hidden">${site.title}</h1>
<#if latest??>
<section class="latest" aria-labelledby="latest-title">
<h2 id="latest-title">${t.latest}</h2>
<p class="latest-day"><a href="${root}${latest.path}">${latest.title}</a> <@counts latest/><@partialNote latest/></p>
<#if latest.highlights?has_content>
<@entries latest.highlights/>
<#elseif latest.commits gt 0>
<p>${t.noHighlights}</p>
</#if>
<#if latest.folded?has_content>
<details class="folded">
<summary>${badge.low} ${fmt(t.folded, latest.folded?size)}</summary>
<@entries latest.folded/>
</details>
</#if>
<p><a class="button" href="${root}${latest.path}">${t.readReport} →</a></p>
</section>
<#if today??>
<section class="today" aria-labelledby="today-title">
<h2 id="today-title">${t.today}</h2>
<p class="latest-day"><a href="${root}${today.path}">${today.title}</a> <@counts today/><@partialNote today/></p>
</section>
</#if>
<#if digests??>
<section class="digests" aria-labelledby="digests-title">
<h2 id="digests-title">${t.digests}</h2>
<ul class="days">
<li><a href="${root}${digests.week.path}">${fmt(t.digestTitle.weekly, periodName("weekly", digests.week))}</a> · <a href="${root}${digests.weekly}">${t.digestList.weekly}</a></li>
<li><a href="${root}${digests.month.path}">${fmt(t.digestTitle.monthly, periodName("monthly", digests.month))}</a> · <a href="${root}${digests.monthly}">${t.digestList.monthly}</a></li>
</ul>
</section>
</#if>
<section class="recent" aria-labelledby="recent-title">
<h2 id="recent-title">${t.recent}</h2>
<ul class="days">
<#list recent as d>
<li><a href="${root}${d.path}">${d.date}</a> <@counts d/><@partialNote d/></li>
</#list>
</ul>
</section>
<section class="totals" aria-labelledby="totals-title">
<h2 id="totals-title">${t.totals}</h2>
<p>${days} ${t.days} · ${commitCount(commits)}</p>
<div class="totals-grid">
<div>
<h3>${t.severities}</h3>
<ul>
<#list totals.severities as s>
<li><a href="${root}${s.path}">${badge[s.key]} ${t.severityTitle[s.key]}</a> <span class="count">${s.commits}</span></li>
</#list>
<li><a href="${root}${totals.breaking.path}">💥 ${t.breakingTitle}</a> <span class="count">${totals.breaking.commits}</span></li>
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
<div>
<h3>${t.types}</h3>
<ul>
<#list totals.types as ty>
<li><a href="${root}${ty.path}">${ty.name}</a> <span class="count">${ty.commits}</span></li>
</#list>
</ul>
</div>
</div>
</section>
<section class="archive" aria-labelledby="archive-title">
<h2 id="archive-title">${t.archive}</h2>
<nav class="years" aria-label="${t.years}">
<ul>
<#list years as y>
<li><a href="${root}${y.path}">${fmt(t.yearTitle, y.year?c)}</a> <span class="count">${commitCount(y.commits)}</span></li>
</#list>
</ul>
</nav>
<div class="months">
<#list calendar as m>
<@monthTable m/>
</#list>
</div>
</section>
<#else>
<p>${t.noReports}</p>
</#if>
</@page>
