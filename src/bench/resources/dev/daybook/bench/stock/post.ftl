<#include "header.ftl">
<article>
<p class="date">${content.date?string("yyyy-MM-dd")}</p>
${content.body}
</article>
<nav class="pager">
<#if content.previousContent??><a rel="prev" href="${content.rootpath}${content.previousContent.uri}">&larr; ${content.previousContent.title}</a></#if>
<#if content.nextContent??><a rel="next" href="${content.rootpath}${content.nextContent.uri}">${content.nextContent.title} &rarr;</a></#if>
</nav>
<#include "footer.ftl">
