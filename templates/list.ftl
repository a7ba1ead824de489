<#ftl output_format="HTML">
<#-- Every commit of one repository or one severity, newest first, one page of them. -->
<#include "_layout.ftl">
<#assign heading = (kind == "repo")?then(fmt(t.repoTitle, name), fmt(t.severityPage, badge[name] + " " + t.severityTitle[name]))>
<@page title=heading + (pageNumber > 1)?then(" · " + fmt(t.pageOf, pageNumber, pages), "") root=root bodyClass="list ${kind}">
<h1>${heading}</h1>
<p class="list-meta">${total} ${t.commits} · <a href="${root}${feed}">${t.subscribe}</a></p>
<ol class="entries">
<#list entries as e>
<li class="entry sev-${e.severity}">
<span class="badge badge-${e.severity}" title="${t.severityTitle[e.severity]}">${e.badge}</span>
<a class="title" href="${root}${e.path}">${e.title}</a>
<span class="meta"><a href="${root}${e.reportPath}">${e.date}</a> ${e.time?keep_after(" ")} · <code>${e.sha}</code><#if kind != "repo"> · <a href="${root}${e.repoPath}">${e.repo}</a></#if> · ${e.author} · ${e.type}</span>
</li>
</#list>
</ol>
<#if pages gt 1>
<nav class="pager" aria-label="${fmt(t.pageOf, pageNumber, pages)}">
<#if newer??><a rel="prev" href="${root}${newer}">← ${t.newer}</a><#else><span></span></#if>
<span>${fmt(t.pageOf, pageNumber, pages)}</span>
<#if older??><a rel="next" href="${root}${older}">${t.older} →</a><#else><span></span></#if>
</nav>
</#if>
</@page>
