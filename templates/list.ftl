<#ftl output_format="HTML">
<#-- Every commit of one repository or one severity, newest first. The front page holds the newest
     commits; archive page K (counted from the oldest) holds a fixed chunk of older ones and shows
     nothing that newer commits would change: no total, no page count. -->
<#include "_layout.ftl">
<#assign heading = (kind == "repo")?then(fmt(t.repoTitle, name), fmt(t.severityPage, badge[name] + " " + t.severityTitle[name]))>
<#if archive>
<#assign pageLabel = fmt(t.pageNumber, pageNumber)>
<#assign range = (from == to)?then(from, fmt(t.dateRange, from, to))>
</#if>
<@page title=heading + archive?then(" · " + pageLabel, "") root=root bodyClass="list ${kind}">
<h1>${heading}</h1>
<#if archive>
<p class="list-meta">${pageLabel} · ${range} · <a href="${root}${feed}">${t.subscribe}</a></p>
<#else>
<p class="list-meta">${total} ${t.commits} · <a href="${root}${feed}">${t.subscribe}</a></p>
</#if>
<ol class="entries">
<#list entries as e>
<li class="entry sev-${e.severity}">
<span class="badge badge-${e.severity}" title="${t.severityTitle[e.severity]}">${e.badge}</span>
<a class="title" href="${root}${e.path}">${e.title}</a>
<span class="meta"><a href="${root}${e.reportPath}">${e.date}</a> ${e.time?keep_after(" ")} · <code>${e.sha}</code><#if kind != "repo"> · <a href="${root}${e.repoPath}">${e.repo}</a></#if> · ${e.author} · ${e.type}</span>
</li>
</#list>
</ol>
<#if newer?? || older??>
<nav class="pager" aria-label="${t.pages}">
<#if newer??><a rel="prev" href="${root}${newer}">← ${t.newer}</a><#else><span></span></#if>
<span><#if archive>${pageLabel}<#else>${t.newest}</#if></span>
<#if older??><a rel="next" href="${root}${older}">${t.older} →</a><#else><span></span></#if>
</nav>
</#if>
</@page>
