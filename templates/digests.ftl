<#ftl output_format="HTML">
<#-- Every weekly or monthly digest of the whole archive or of one repository, newest first. -->
<#include "_layout.ftl">
<#include "_calendar.ftl">
<#assign heading = t.digestList[kind] + scope?has_content?then(" · " + scope, "")>
<@page title=heading root=root bodyClass="digest-list digest-${kind}" description=fmt(t.descDigests, heading)>
<h1>${heading}</h1>
<p class="list-meta"><#if repoPath??><a href="${root}${repoPath}">${fmt(t.repoTitle, scope)}</a> · </#if><a href="${root}${feed}">${t.subscribe}</a></p>
<ol class="month-days">
<#list periods as p>
<li id="${p.id}">
<p class="day-head"><a href="${root}${p.path}">${periodName(kind, p)}</a> <span class="weekday">${fmt(t.dateRange, p.first, p.last)}</span> <@counts p/></p>
</li>
</#list>
</ol>
</@page>
