<#ftl output_format="HTML">
<#-- Every commit of one repository, severity or change type, newest first. The front page holds
     the newest commits and the date jump; archive page K (counted from the oldest) holds a fixed
     chunk of older ones and shows nothing that newer commits would change: no total, no page
     count, and page numbers only up to three pages newer than itself. -->
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
<#if archive>
<#assign pageLabel = fmt(t.pageNumber, pageNumber)>
<#assign range = (from == to)?then(from, fmt(t.dateRange, from, to))>
</#if>
<#-- A list's links are written from the site's root, under a <base> that leads there: a list is
     thousands of rows of links, and "../../../../" before each was a tenth of a row. -->
<#assign up = root>
<#assign root = "">
<@page title=heading + archive?then(" · " + pageLabel, "") root=root base=up bodyClass="list ${kind}" description=archive?then(fmt(t.descArchive, heading, pageLabel!, range!), fmt(t.descList, heading, commitCount(total!0)))>
<h1>${heading}</h1>
<#if query??><p class="watch-query">${t.watchQuery}<code dir="auto">${query}</code> · <a href="${root}search.html?q=${query?url('UTF-8')}">${t.search}</a></p></#if>
<#if archive>
<p class="list-meta">${pageLabel} · ${range} · <a href="${root}${front}#jump">${t.jump}</a> · <a href="${root}${feed}">${t.subscribe}</a></p>
<#else>
<p class="list-meta">${commitCount(total)}<#if jump??> · <a href="${front}#jump">${t.jump}</a></#if><#if weekly??> · <a href="${root}${weekly}">${t.digestList.weekly}</a> · <a href="${root}${monthly}">${t.digestList.monthly}</a></#if> · <a href="${root}${feed}">${t.subscribe}</a></p>
</#if>
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
<#if pager??>
<nav class="pager" aria-label="${t.pages}">
<#if newer??><a rel="prev" href="${root}${newer}">← ${t.newer}</a><#else><span></span></#if>
<span><#if archive>${pageLabel}<#else>${t.newest}</#if></span>
<#if older??><a rel="next" href="${root}${older}">${t.older} →</a><#else><span></span></#if>
</nav>
<#-- Numbered: the front page first ("newest"), then the pages near this one, page 1 last. -->
<nav class="pages" aria-label="${t.pageNumbers}">
<ol>
<#list pager as p>
<#if p.gap>
<li class="gap" aria-hidden="true">…</li>
<#else>
<#assign label = p.newest?then(t.newestPage, p.number?c)>
<li><#if p.current><span aria-current="page">${label}</span><#else><a href="${root}${p.path}"<#if !p.newest> aria-label="${fmt((p.number == 1)?then(t.pageOldest, t.pageNumber), p.number)}"</#if>>${label}</a></#if></li>
</#if>
</#list>
</ol>
</nav>
</#if>
<#if jump??>
<section class="jump" id="jump" aria-labelledby="jump-title">
<h2 id="jump-title">${t.jump}</h2>
<#-- js/site.js finds the page of a date from the oldest day of each page, newest page first. -->
<form class="jump-form" data-oldest="${jump.oldest}">
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
