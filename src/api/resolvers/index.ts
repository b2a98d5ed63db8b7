/** The resolver map: one module per GraphQL type. */
import type { Resolvers } from '../../generated/graphql';
import { Document } from './Document';
import { Mention } from './Mention';
import { Metric } from './Metric';
import { MetricPoint } from './MetricPoint';
import { Node } from './Node';
import { Organization } from './Organization';
import { Person, Position } from './Person';
import { Place } from './Place';
import { ComparedProgram, PlaceComparison, PlacePrograms } from './PlaceComparison';
import { Program, RelatedProgram } from './Program';
import { ProgramLink, ProgramNetwork } from './ProgramNetwork';
import { ProgramPlace } from './ProgramPlace';
import { Query } from './Query';
import { SearchHit } from './SearchHit';
import { connectionResolvers } from './util';

export const resolvers: Resolvers = {
  Query,
  Node,
  Document,
  Place,
  Organization,
  Program,
  RelatedProgram,
  ProgramPlace,
  MetricPoint,
  PlaceComparison,
  PlacePrograms,
  ComparedProgram,
  ProgramNetwork,
  ProgramLink,
  Person,
  Position,
  Metric,
  Mention,
  SearchHit,
  DocumentConnection: connectionResolvers,
  PlaceConnection: connectionResolvers,
  OrganizationConnection: connectionResolvers,
  ProgramConnection: connectionResolvers,
  PersonConnection: connectionResolvers,
  MetricConnection: connectionResolvers,
};
