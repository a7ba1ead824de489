<#ftl output_format="HTML">
<#-- The digest of a week or a month, of the whole archive or of one repository: its counts
     beside the period before, its commits of high importance, the areas most changed, its
     reverts and breaking changes, its contributors and newcomers, and every day of it. Made from the reports alone. -->
<#include "_layout.ftl">
<#include "_calendar.ftl">
<#assign name = periodName(kind, {"year": year, "number": number})>
<#assign heading = fmt(t.digestTitle[kind], name) + scope?has_content?then(" · " + scope, "")>
<#assign range = fmt(t.dateRange, first, last)>
<@page title=heading root=root bodyClass="digest-page digest-${kind}" description=fmt(t.descArchive, heading, range, periodSentence(kind, tally))>
<nav class="daynav" aria-label="${t.dayNav}">
<#if previous??><a rel="prev" href="${root}${previous.path}">← ${t.digestPrevious[kind]} ${periodName(kind, previous)}</a><#else><span></span></#if>
<a href="${root}${list}">${t.digestList[kind]}</a>
<#if next??><a rel="next" href="${root}${next.path}">${t.digestNext[kind]} ${periodName(kind, next)} →</a><#else><span></span></#if>
</nav>
<h1>${heading}</h1>
<p class="list-meta">${range} · ${fmt(t.daysReported, tally.days, length)}<#if calendar??> · <a href="${root}${calendar}">${monthName(year, number)}</a></#if><#if repoPath??> · <a href="${root}${repoPath}">${fmt(t.repoTitle, scope)}</a></#if> · <a href="${root}${feed}">${t.subscribe}</a></p>
<p class="digest-sentence">${periodSentence(kind, tally)}</p>
<#if others?has_content>
<p class="digest-scopes"><#if scope?has_content><a href="${root}${others[0].path}">${t.wholeArchive}</a><#else>${t.byRepository}: <#list others as o><a href="${root}${o.path}">${o.name}</a><#sep> · </#list></#if></p>
</#if>
<@stackedBars c=chart/>

<section class="digest-counts" id="counts" aria-labelledby="counts-title">
<h2 id="counts-title">${t.bySeverity}</h2>
<#macro countRow label now then="">
<tr><th scope="row">${label}</th><td>${now?c}</td><#if before??><td>${then?c}</td><td class="change">${change(now, then)}</td></#if></tr>
</#macro>
<#macro countHead>
<thead><tr><th scope="col"><span class="visually-hidden">${t.type}</span></th><th scope="col">${t.thisPeriod}</th><#if before??><th scope="col">${t.previousPeriod}</th><th scope="col">${t.change}</th></#if></tr></thead>
</#macro>
<table class="counts-table">
<@countHead/>
<tbody>
<@countRow label=t.commitsColumn now=tally.commits then=(before.commits)!0/>
<#list ["high", "medium", "low"] as k>
<@countRow label=badge[k] + " " + t.severityTitle[k] now=tally[k] then=(before[k])!0/>
</#list>
</tbody>
</table>
<#if !before??><p class="note">${t.noBefore}</p></#if>
<#if types?has_content>
<h3>${t.byType}</h3>
<table class="counts-table">
<@countHead/>
<tbody>
<#list types as ty>
<tr><th scope="row"><a href="${root}${ty.path}">${ty.name}</a></th><td>${ty.commits?c}</td><#if before??><td>${ty.before?c}</td><td class="change">${change(ty.commits, ty.before)}</td></#if></tr>
</#list>
</tbody>
</table>
</#if>
</section>

<section class="digest-high" id="high" aria-labelledby="high-title">
<h2 id="high-title">${badge.high} ${t.highCommits} <span class="count">${high?size}</span></h2>
<#if high?has_content>
<ol class="entries">
<#list high as e>
<li>
<span class="badge badge-high" title="${t.severityTitle.high}">${badge.high}</span>
<a class="title" href="${root}${e.path}" dir="auto">${e.title}</a>
<small><a href="${root}${e.reportPath}">${e.date}</a> · <code>${e.sha}</code><#if !scope?has_content> · ${e.repo}</#if> · <bdi>${e.author}</bdi></small>
<div class="summary">${e.summary?no_esc}</div>
</li>
</#list>
</ol>
<#else>
<p>${t.noHigh}</p>
</#if>
</section>

<section class="digest-areas" id="areas" aria-labelledby="areas-title">
<h2 id="areas-title">${t.areas}</h2>
<#if areas?has_content>
<p class="note">${t.areasNote}</p>
<ol class="areas">
<#list areas as a>
<li><#if a.name?has_content><code>${a.name}</code><#else>${t.topLevel}</#if> <span class="count">${commitCount(a.commits)}</span></li>
</#list>
</ol>
<#else>
<p>${t.noAreas}</p>
</#if>
</section>

<section class="digest-reverts" id="reverts" aria-labelledby="reverts-title">
<h2 id="reverts-title">${t.reverts} <span class="count">${reverts?size}</span></h2>
<#if reverts?has_content>
<ul class="entries">
<#list reverts as r>
<li><span class="badge badge-${r.revert.severity}">${r.revert.badge}</span> <a href="${root}${r.revert.path}" dir="auto">${r.revert.title}</a> <small><a href="${root}${r.revert.reportPath}">${r.revert.date}</a> · <code>${r.revert.sha}</code> · <bdi>${r.revert.author}</bdi></small>
<span class="reverted"><#if r.reverted??>↩ ${t.revertOf} <a href="${root}${r.reverted.path}" dir="auto">${r.reverted.title}</a> <small><a href="${root}${r.reverted.reportPath}">${r.reverted.date}</a> · <code>${r.reverted.sha}</code></small><#else>${t.revertedNotHere}</#if></span></li>
</#list>
</ul>
<#else>
<p>${t.noReverts}</p>
</#if>
</section>

<section class="digest-breaking" id="breaking" aria-labelledby="breaking-title">
<h2 id="breaking-title">💥 ${t.breakingTitle} <span class="count">${breaking?size}</span></h2>
<#if breaking?has_content>
<ul class="entries">
<#list breaking as e>
<li><span class="badge badge-${e.severity}" title="${t.severityTitle[e.severity]}">${e.badge}</span> <a href="${root}${e.path}" dir="auto">${e.title}</a> <small><a href="${root}${e.reportPath}">${e.date}</a> · <code>${e.sha}</code><#if !scope?has_content> · ${e.repo}</#if> · <bdi>${e.author}</bdi></small>
<span class="breaking-why">${t.breakingWhy}${e.breaking}</span></li>
</#list>
</ul>
<#else>
<p>${t.noBreaking}</p>
</#if>
<p class="note"><a href="${root}${breakingList}">${t.breakingPage}</a></p>
</section>

<section class="digest-people" id="contributors" aria-labelledby="contributors-title">
<h2 id="contributors-title">${t.contributors} <span class="count">${people?size}</span></h2>
<#macro peopleTable rows>
<table class="people-table">
<thead><tr><th scope="col">${t.author}</th><th scope="col">${t.commitsColumn}</th><th scope="col">${t.highColumn}</th></tr></thead>
<tbody>
<#list rows as p>
<tr><td><bdi>${p.name}</bdi><#if p.new && !opensArchive> <span class="new">${t.firstSeen}</span></#if></td><td>${p.commits?c}</td><td>${p.high?c}</td></tr>
</#list>
</tbody>
</table>
</#macro>
<#if people?has_content><@peopleTable people/></#if>
<#if bots?has_content>
<h3 id="bots">${t.bots} <span class="count">${bots?size}</span></h3>
<@peopleTable bots/>
</#if>
<h3 id="newcomers">${t.newcomers} <span class="count">${newcomers?size}</span></h3>
<p class="note">${t.newcomersNote}</p>
<#if opensArchive>
<p>${t.archiveOpens}</p>
<#elseif newcomers?has_content>
<ul class="newcomers">
<#list newcomers as n>
<li><strong>${n.name}</strong><#if !scope?has_content> · ${n.repo}</#if> · ${t.firstCommit}: <a href="${root}${n.first.path}">${n.first.title}</a> <small><a href="${root}${n.first.reportPath}">${n.first.date}</a></small></li>
</#list>
</ul>
<#else>
<p>${t.noNewcomers}</p>
</#if>
</section>

<section class="digest-days" id="days" aria-labelledby="days-title">
<h2 id="days-title">${t.everyDay}</h2>
<ol class="month-days">
<#list days as d>
<li id="d${d.date}">
<p class="day-head"><#if d.path??><a href="${root}${d.path}">${d.date}</a><#else><span class="no-report">${d.date}</span></#if> <span class="weekday">${t.weekdayNames[d.weekday - 1]}</span> <#if d.path??><@counts d/><@partialNote d/><#else><span class="note">${t.noReport}</span></#if></p>
</li>
</#list>
</ol>
</section>
</@page>
