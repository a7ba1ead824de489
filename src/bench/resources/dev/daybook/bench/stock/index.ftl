<#include "header.ftl">
<h1>Latest reports</h1>
<#list published_posts as post>
<#if post?index == 10><#break></#if>
<section>
<h2><a href="${post.uri}">${post.title}</a></h2>
<p class="date">${post.date?string("yyyy-MM-dd")}</p>
</section>
</#list>
<p><a href="${config.archive_file}">All reports</a></p>
<#include "footer.ftl">
