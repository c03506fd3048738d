import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentTenant, RequireScopes, type ApiKeyPrincipal } from '@credstream/access';
import {
  AchievementQueries,
  ArchiveAchievementHandler,
  CreateAchievementHandler,
  ReviseAchievementHandler,
  type AchievementRevisionView,
  type AchievementView,
} from '@credstream/issuance/application';
import { commandContext } from '../app/http/command-context';
import { expectedVersionOf, setEtag } from '../app/http/etag';
import { IssuanceProblemsInterceptor } from '../app/http/issuance-problems.interceptor';
import { parseRequest } from '../app/http/parse-request';
import { ApiUpdateProblems } from '../app/http/problem-responses';
import { uuidParam } from '../issuers/issuers.requests';
import {
  achievementDefinitionSchema,
  createAchievementRequestSchema,
  listAchievementsQuerySchema,
  revisionParamSchema,
} from './achievements.requests';
import {
  ACHIEVEMENT_DEFINITION,
  ACHIEVEMENT_REVISION_VIEW,
  ACHIEVEMENT_VIEW,
  CREATE_ACHIEVEMENT_REQUEST,
} from './achievements.openapi';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag of the achievement as last read, e.g. "2".' };

/** OB 3.0 Achievement definitions of the tenant: created, revised, archived through events. Writes need admin. */
@ApiTags('achievements')
@Controller('achievements')
@UseInterceptors(IssuanceProblemsInterceptor)
export class AchievementsController {
  constructor(
    private readonly createAchievement: CreateAchievementHandler,
    private readonly reviseAchievement: ReviseAchievementHandler,
    private readonly archiveAchievement: ArchiveAchievementHandler,
    private readonly achievements: AchievementQueries,
  ) {}

  @Post()
  @RequireScopes('admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Define an achievement (revision 1), awarded by one of the tenant’s issuers' })
  @ApiBody({ schema: CREATE_ACHIEVEMENT_REQUEST })
  @ApiCreatedResponse({ schema: ACHIEVEMENT_VIEW })
  @ApiNotFoundResponse({ description: "ISSUER_NOT_FOUND (also for another tenant's issuer)" })
  async create(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AchievementView> {
    const { issuerId, ...definition } = parseRequest(createAchievementRequestSchema, body);
    const view = await this.createAchievement.execute({ issuerId, definition }, commandContext(principal));
    response.setHeader('Location', `/achievements/${view.achievementId}`);
    setEtag(response, view.version);
    return view;
  }

  @Get()
  @RequireScopes()
  @ApiOperation({ summary: "List the tenant's achievements (current revisions), oldest first" })
  @ApiQuery({ name: 'issuerId', required: false })
  @ApiQuery({ name: 'includeArchived', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: { type: 'object', properties: { items: { type: 'array', items: ACHIEVEMENT_VIEW } } } })
  async list(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Query() query: Record<string, unknown>,
  ): Promise<{ items: AchievementView[] }> {
    const filters = parseRequest(listAchievementsQuerySchema, query, 'query');
    return { items: await this.achievements.list(principal.tenantId, filters) };
  }

  @Get(':achievementId')
  @RequireScopes()
  @ApiOperation({ summary: 'An achievement’s current revision' })
  @ApiOkResponse({ schema: ACHIEVEMENT_VIEW })
  @ApiNotFoundResponse({ description: "ACHIEVEMENT_NOT_FOUND (also for another tenant's achievement)" })
  async get(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('achievementId') achievementId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AchievementView> {
    const view = await this.achievements.get(principal.tenantId, this.idOf(achievementId));
    setEtag(response, view.version);
    return view;
  }

  @Get(':achievementId/revisions')
  @RequireScopes()
  @ApiOperation({ summary: 'Every revision of an achievement, first to last' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { items: { type: 'array', items: ACHIEVEMENT_REVISION_VIEW } } },
  })
  async revisions(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('achievementId') achievementId: string,
  ): Promise<{ items: AchievementRevisionView[] }> {
    return { items: await this.achievements.revisions(principal.tenantId, this.idOf(achievementId)) };
  }

  @Get(':achievementId/revisions/:revision')
  @RequireScopes()
  @ApiOperation({ summary: 'One revision of an achievement (what a credential issued from it showed)' })
  @ApiOkResponse({ schema: ACHIEVEMENT_REVISION_VIEW })
  @ApiNotFoundResponse({ description: 'ACHIEVEMENT_NOT_FOUND' })
  async revision(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('achievementId') achievementId: string,
    @Param('revision') revision: string,
  ): Promise<AchievementRevisionView> {
    const number = parseRequest(revisionParamSchema, { revision }, 'path').revision;
    return this.achievements.revision(principal.tenantId, this.idOf(achievementId), number);
  }

  @Put(':achievementId')
  @RequireScopes('admin')
  @ApiOperation({
    summary: 'Revise an achievement',
    description: 'The body is the whole new definition; it becomes revision n+1 (an identical one changes nothing).',
  })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: ACHIEVEMENT_DEFINITION })
  @ApiOkResponse({ schema: ACHIEVEMENT_VIEW })
  @ApiUpdateProblems('ACHIEVEMENT')
  async revise(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('achievementId') achievementId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AchievementView> {
    const id = this.idOf(achievementId);
    const definition = parseRequest(achievementDefinitionSchema, body);
    const view = await this.reviseAchievement.execute(
      id,
      definition,
      commandContext(principal),
      expectedVersionOf(ifMatch),
    );
    setEtag(response, view.version);
    return view;
  }

  @Post(':achievementId/archive')
  @RequireScopes('admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Archive an achievement: no more awards; issued credentials stay valid' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ schema: ACHIEVEMENT_VIEW })
  @ApiUpdateProblems('ACHIEVEMENT')
  async archive(
    @CurrentTenant() principal: ApiKeyPrincipal,
    @Param('achievementId') achievementId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AchievementView> {
    const id = this.idOf(achievementId);
    const view = await this.archiveAchievement.execute(id, commandContext(principal), expectedVersionOf(ifMatch));
    setEtag(response, view.version);
    return view;
  }

  private idOf(achievementId: string): string {
    return uuidParam('achievementId', achievementId);
  }
}
