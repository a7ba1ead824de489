<#ftl output_format="HTML">
<#-- The newest commits of one repository, severity, change type or watch (every one of the
     breaking commits), by day. The older ones are in the search, which holds every commit: the
     list's filter, newest first, from the day before the oldest shown, by month or from a date. -->
<#include "_layout.ftl">
<#include "_chart.ftl">
<#if kind == "repo">
<#assign heading = fmt(t.repoTitle, name)>
<#elseif kind == "severity">
<#assign heading = fmt(t.severityPage, badge[name] + " " + t.severityTitle[name])>
<#elseif kind == "breaking">
<#assign heading = t.breakingPage>
<#elseif kind == "watch">
<#assign heading = fmt(t.watchPage, name)>
<#else>
<#assign heading = fmt(t.typePage, label)>
</#if>
<#-- A list's links are written from the site's root, under a <base> that leads there: a list is
     thousands of rows of links, and "../../../../" before each was a tenth of a row. -->
<#assign up = root>
<#assign root = "">
<@page title=heading root=root base=up bodyClass="list ${kind}" description=fmt(t.descList, heading, commitCount(total))>
<h1>${heading}</h1>
<#if query??><p class="watch-query">${t.watchQuery}<code dir="auto">${query}</code> · <a href="${root}search.html?q=${query?url('UTF-8')}">${t.search}</a></p></#if>
<p class="list-meta">${commitCount(total)}<#if jump??> · <a href="${front}#jump">${t.jump}</a></#if><#if weekly??> · <a href="${root}${weekly}">${t.digestList.weekly}</a> · <a href="${root}${monthly}">${t.digestList.monthly}</a></#if> · <a href="${root}${feed}">${t.subscribe}</a></p>
<#if chart??><@stackedBars c=chart/></#if>
<#if !entries?has_content><p class="no-entries">${t.noEntries}</p></#if>
<#-- Commits by day: a day's heading links its report once and is where a jump to that day
     lands. A row says only what the page does not: no badge on a severity's page, the
     repository only on a site of several (the page of a repository names it), on a type's
     page only the commit's other types. -->
<#assign showBadge = kind != "severity">
<#assign showRepo = kind != "repo" && site.repos?size gt 1>
<#if entries?has_content>
<ol class="list-days<#if !showBadge> sev-${name}</#if>">
<#list entries as e>
<#if e?is_first || e.date != entries[e?index - 1].date>
<li id="d${e.date}"><h2><a href="${e.reportPath}">${e.date}</a></h2>
<ol class="entries">
</#if>
<li><#if showBadge><span class="badge badge-${e.severity}">${e.badge}</span> </#if><a href="${e.path}"<#if e.isolate> dir="auto"</#if>>${e.title}</a>
<small><#if e.breaking?has_content><span class="breaking" title="${e.breaking}">💥 ${t.breakingShort}</span> </#if>${e.time?keep_after(" ")} · <code>${e.sha}</code><#if showRepo> · <a href="${e.repoPath}">${e.repo}</a></#if> · <#if e.isolateAuthor><bdi>${e.author}</bdi><#else>${e.author}</#if><#if kind == "breaking"> · <span class="breaking-why">${t.breakingWhy}${e.breaking}</span></#if><#if kind == "type"><#assign others = e.types?filter(ty -> ty.path != front)><#if others?has_content> · ${t.alsoTypes}<#list others as ty><a href="${ty.path}">${ty.name}</a><#sep> / </#list></#if><#elseif e.types?has_content> · <#list e.types as ty><a href="${ty.path}">${ty.name}</a><#sep> / </#list><#else> · ${e.type}</#if></small></li>
<#if e?is_last || e.date != entries[e?index + 1].date>
</ol></li>
</#if>
</#list>
</ol>
</#if>
<#if older??>
<p class="list-older"><a class="button" href="${root}${older}">${fmt(t.olderInSearch, commitCount(total - entries?size))} →</a></p>
</#if>
<#if jump??>
<section class="jump" id="jump" aria-labelledby="jump-title">
<h2 id="jump-title">${t.jump}</h2>
<#-- js/site.js opens a date on this page, or an older one in the search with the list's filter. -->
<form class="jump-form" data-filter="${jump.filter}" data-oldest-shown="${jump.oldestShown}">
<label for="jump-date">${t.date}</label>
<input id="jump-date" name="date" type="date" required min="${jump.min}" max="${jump.max}">
<button type="submit">${t.go}</button>
</form>
<h3>${t.byMonth}</h3>
<ul class="jump-years">
<#list jump.years as y>
<li><span class="jump-year">${fmt(t.yearTitle, y.year?c)}</span>
<ol class="jump-months"><#list y.months as m><li><#if m.path??><a href="${root}${m.path}" title="${monthName(y.year, m.month)}">${m.month}</a><#else><span>${m.month}</span></#if></li></#list></ol>
</li>
</#list>
</ul>
</section>
</#if>
</@page>
